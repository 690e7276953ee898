import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  DEFAULT_BONUSES,
  DEFAULT_MEETING_POINTS,
  type CreditRuleSet,
  type PointsRule,
  type ShareRule,
} from './credit-rules';
import { CreditRulesService } from './credit-rules.service';
import { PublishCreditRulesInput } from './dto/credit-rules.inputs';

export const BASIS_LABELS = { TASK: '按任务积分', HOURS: '按服务时长' } as const;
export const SHARE_LABELS = { NONE: '不计分', FRACTION: '按比例', FIXED: '固定积分' } as const;

@Resolver('CreditRuleSet')
export class CreditRulesResolver {
  constructor(private readonly rules: CreditRulesService) {}

  @Query('creditRules')
  list() {
    return this.rules.all();
  }

  @Mutation('publishCreditRules')
  publish(@Args('input') input: PublishCreditRulesInput, @Context() ctx: GraphQLContext) {
    if (ctx.claims.role !== 'ADMIN') throw forbidden('Only ADMIN publishes credit rules');
    const points = (p: PublishCreditRulesInput['memberPoints']): PointsRule => ({
      basis: p.basis,
      pointsPerHour: p.pointsPerHour ?? 0,
    });
    const share = (s: PublishCreditRulesInput['branchShare']): ShareRule => ({
      mode: s.mode,
      value: s.value ?? 0,
    });
    const rule: CreditRuleSet = {
      version: input.version,
      effectiveFrom: input.effectiveFrom,
      description: input.description,
      memberPoints: points(input.memberPoints),
      organizationClaimPoints: points(input.organizationClaimPoints),
      branchShare: share(input.branchShare),
      unitShare: share(input.unitShare),
      firmShare: share(input.firmShare),
      stationVisitPoints: { operator: input.stationVisitPoints?.operator ?? 0 },
      // Not in the input yet: a version published through the API keeps the defaults.
      meetingPoints: DEFAULT_MEETING_POINTS,
      bonuses: DEFAULT_BONUSES,
      monthlyCaps: {
        MEMBER: input.monthlyCaps.member,
        ORGANIZATION: input.monthlyCaps.organization,
        FIRM: input.monthlyCaps.firm,
      },
      firmBonusTiers: input.firmBonusTiers.map((t) => ({ ...t })),
      letters: { ...input.letters },
    };
    return this.rules.publish(rule);
  }

  @ResolveField('monthlyCaps')
  monthlyCaps(@Parent() rule: CreditRuleSet) {
    return {
      member: rule.monthlyCaps.MEMBER,
      organization: rule.monthlyCaps.ORGANIZATION,
      firm: rule.monthlyCaps.FIRM,
    };
  }
}

@Resolver('PointsRule')
export class PointsRuleResolver {
  @ResolveField('basisLabel')
  basisLabel(@Parent() rule: PointsRule) {
    return BASIS_LABELS[rule.basis];
  }
}

@Resolver('ShareRule')
export class ShareRuleResolver {
  @ResolveField('modeLabel')
  modeLabel(@Parent() rule: ShareRule) {
    return SHARE_LABELS[rule.mode];
  }
}
