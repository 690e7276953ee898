import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { periodArg } from '@jiceng/calendar';
import { accountKey } from '../account/account';
import { PointsLoader } from '../ledger/points.loader';
import { optionalLedgerPeriodArg } from '../period/period';
import { NONE_TIER } from '../rules/credit-rules';
import { announcedTierOf, type FirmBonus } from './firm-bonus.schema';
import { FirmBonusService } from './firm-bonus.service';

interface FirmCreditBonusView {
  firmId: string;
  creditCode: string | null;
  period: string;
  tier: string;
  tierLabel: string;
  bonusScore: number;
  tierPoints: number | null;
  announcedTier: string | null;
  announcedAt: Date | null;
  announcementDueAt: Date | null;
  sequence: number;
  ruleVersion: string | null;
  changedAt: Date | null;
}

function view(firmId: string, period: string, bonus: FirmBonus | null): FirmCreditBonusView {
  return {
    firmId,
    creditCode: bonus?.creditCode ?? null,
    period,
    tier: bonus?.tier ?? NONE_TIER.tier,
    tierLabel: bonus?.tierLabel ?? NONE_TIER.label,
    bonusScore: bonus?.bonusScore ?? 0,
    tierPoints: bonus?.points ?? null,
    announcedTier: bonus ? announcedTierOf(bonus) : null,
    announcedAt: bonus?.announcedAt ?? null,
    announcementDueAt: bonus?.settleAt ?? null,
    sequence: bonus?.sequence ?? 0,
    ruleVersion: bonus?.ruleVersion ?? null,
    changedAt: bonus?.changedAt ?? null,
  };
}

@Resolver('ConstructionFirm')
export class FirmCreditResolver {
  constructor(
    private readonly bonuses: FirmBonusService,
    private readonly points: PointsLoader,
  ) {}

  @ResolveField('creditPoints')
  creditPoints(
    @Parent() firm: { id: string },
    @Args('period') period: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.points.load(ctx, accountKey('FIRM', firm.id), optionalLedgerPeriodArg(period));
  }

  @ResolveField('creditBonus')
  async creditBonus(@Parent() firm: { id: string }, @Args('period') period: string) {
    const quarter = periodArg(period, 'period', ['QUARTER']).text;
    return view(firm.id, quarter, await this.bonuses.get(firm.id, quarter));
  }
}

@Resolver('FirmCreditBonus')
export class FirmCreditBonusResolver {
  constructor(
    private readonly bonuses: FirmBonusService,
    private readonly points: PointsLoader,
  ) {}

  @Query('firmCreditBonuses')
  async list(@Args('period') period: string) {
    const quarter = periodArg(period, 'period', ['QUARTER']).text;
    const found = await this.bonuses.findByPeriod(quarter);
    return found
      .filter((b) => b.tier !== NONE_TIER.tier)
      .sort((a, b) => b.points - a.points || (a.firmId < b.firmId ? -1 : 1))
      .map((b) => view(b.firmId, quarter, b));
  }

  @ResolveField('firm')
  firm(@Parent() bonus: FirmCreditBonusView) {
    return { __typename: 'ConstructionFirm', id: bonus.firmId };
  }

  @ResolveField('points')
  pointsNow(@Parent() bonus: FirmCreditBonusView, @Context() ctx: GraphQLContext) {
    return this.points.load(ctx, accountKey('FIRM', bonus.firmId), bonus.period);
  }
}

@Resolver('Organization')
export class OrganizationCreditBonusResolver {
  constructor(private readonly bonuses: FirmBonusService) {}

  /** The organizations subgraph names the firm (`constructionFirm`, required by the SDL). */
  @ResolveField('creditBonus')
  async creditBonus(
    @Parent() org: { id: string; constructionFirm?: { id: string } | null },
    @Args('period') period: string,
  ) {
    const quarter = periodArg(period, 'period', ['QUARTER']).text;
    const firmId = org.constructionFirm?.id;
    return firmId ? view(firmId, quarter, await this.bonuses.get(firmId, quarter)) : null;
  }
}
