import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Types } from 'mongoose';
import { shanghaiDate } from '@jiceng/calendar';
import { pageOfSorted } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import { assertReadsHouseholdContacts } from './household-contacts.access';
import { HouseholdLoaders } from './household-contacts.loaders';
import { memberDutyMonths } from './household-contacts.reader';
import { monthArg } from './household-contacts.resolver';
import type { HouseholdRoster, HouseholdVisit, RosterHousehold } from './household-contacts.schema';
import { gridMonthId } from './household-tally.schema';
import { dutyMonthView, householdView, visitView } from './household-contacts.views';

/**
 * Household contacts on a member: the parent was already checked as readable (a MEMBER gets only
 * itself), so its households and its duty go with it.
 */
@Resolver('Member')
export class MemberHouseholdContactsResolver {
  constructor(
    private readonly loaders: HouseholdLoaders,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @ResolveField('contactHouseholds')
  async contactHouseholds(
    @Parent() member: { _id: Types.ObjectId },
    @Context() ctx: GraphQLContext,
  ) {
    const sources = this.loaders.sources(ctx);
    const [grids] = await sources.contactGrids([String(member._id)]);
    const rosters = (await sources.rosters(grids)).filter((r): r is HouseholdRoster => !!r);
    return rosters.flatMap((r) =>
      r.households
        .filter((h) => h.memberId?.equals(member._id))
        .map((h) => householdView(r, h, ctx.claims, this.cipher)),
    );
  }

  @ResolveField('householdContactDuty')
  async householdContactDuty(
    @Parent() member: { _id: Types.ObjectId },
    @Args('month') month: string,
    @Context() ctx: GraphQLContext,
  ) {
    const parsed = monthArg(month);
    const [duty] = await memberDutyMonths(
      this.loaders.sources(ctx),
      String(member._id),
      [parsed.text],
      shanghaiDate(new Date()),
    );
    return dutyMonthView(duty);
  }
}

@Resolver('Organization')
export class OrganizationHouseholdsResolver {
  constructor(
    private readonly loaders: HouseholdLoaders,
    private readonly access: OrgAccess,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @ResolveField('households')
  async households(
    @Parent() org: { id: string },
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    assertReadsHouseholdContacts(ctx.claims);
    await this.access.requireScopedRoot(ctx, org.id);
    const grids = await this.loaders.gridsUnder(ctx, org.id);
    const rosters = (await this.loaders.sources(ctx).rosters(grids)).filter(
      (r): r is HouseholdRoster => !!r,
    );
    const rows = rosters
      .flatMap((roster) => roster.households.map((household) => ({ roster, household })))
      .sort((a, b) => String(a.household._id).localeCompare(String(b.household._id)));
    const page = pageOfSorted<{ roster: HouseholdRoster; household: RosterHousehold }>(
      rows,
      { first, after },
      (r) => r.household._id,
    );
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: householdView(e.node.roster, e.node.household, ctx.claims, this.cipher),
      })),
    };
  }

  @ResolveField('householdVisits')
  async householdVisits(
    @Parent() org: { id: string },
    @Args('month') month: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    assertReadsHouseholdContacts(ctx.claims);
    const parsed = monthArg(month);
    await this.access.requireScopedRoot(ctx, org.id);
    const grids = await this.loaders.gridsUnder(ctx, org.id);
    const months = await this.loaders
      .sources(ctx)
      .months(grids.map((g) => gridMonthId(g, parsed.text)));
    const ids = months.flatMap((m) => Object.keys(m?.visits ?? {})).sort();
    const page = pageOfSorted(ids, { first, after }, (id) => id);
    const found = await this.loaders.visitsByIds(
      ctx,
      page.edges.map((e) => e.node),
    );
    return {
      ...page,
      edges: page.edges.flatMap((e, i) => {
        const visit = found[i] as HouseholdVisit | null;
        return visit ? [{ cursor: e.cursor, node: visitView(visit) }] : [];
      }),
    };
  }
}
