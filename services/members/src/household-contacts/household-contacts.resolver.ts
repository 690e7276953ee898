import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { periodArg } from '@jiceng/calendar';
import { notFound, pageOfSorted } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MemberLoader } from '../member/member.loader';
import { MemberService } from '../member/member.service';
import { orgRef } from '../member/member.views';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import {
  AssignHouseholdInput,
  RecordHouseholdVisitInput,
  RegisterHouseholdInput,
  ResolveHouseholdProblemInput,
} from './dto/household-contacts.inputs';
import { assertReadsHouseholdContacts, readsGrid } from './household-contacts.access';
import { HouseholdLoaders } from './household-contacts.loaders';
import { HouseholdContactsReader, type SubtreeStats } from './household-contacts.reader';
import { parseHouseholdKey } from './household-contacts.schema';
import { HouseholdRosterService } from './household-roster.service';
import type { GridMonthStats } from './household-stats';
import { HouseholdVisitsService } from './household-visits.service';
import { gridStatsView, householdView, visitView } from './household-contacts.views';

export const monthArg = (month: string, field = 'month') => periodArg(month, field, ['MONTH']);

@Resolver()
export class HouseholdContactsResolver {
  constructor(
    private readonly rosters: HouseholdRosterService,
    private readonly visits: HouseholdVisitsService,
    private readonly reader: HouseholdContactsReader,
    private readonly loaders: HouseholdLoaders,
    private readonly access: OrgAccess,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @Query('household')
  async household(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    assertReadsHouseholdContacts(ctx.claims);
    const key = parseHouseholdKey(id);
    const roster = key && (await this.loaders.roster(ctx, key.gridId));
    const found = roster?.households.find((h) => String(h._id) === key?.id);
    return roster && found && readsGrid(ctx.claims, roster.organizationPath)
      ? householdView(roster, found, ctx.claims, this.cipher)
      : null;
  }

  @Query('householdContactStats')
  async stats(
    @Args('organizationId') organizationId: string,
    @Args('month') month: string,
    @Context() ctx: GraphQLContext,
  ) {
    assertReadsHouseholdContacts(ctx.claims);
    const parsed = monthArg(month);
    if (!Types.ObjectId.isValid(organizationId)) throw notFound('Organization', organizationId);
    // The role was checked above, so what is left is OrgAccess's subtree check.
    const node = await this.access.requireKnownWithinScope(ctx, organizationId);
    const result = await this.reader.ofSubtree(node, parsed.text);
    return {
      ...result,
      organization: orgRef(result.organizationId),
      children: result.children.map((c) => ({ ...c, organization: orgRef(c.organizationId) })),
    };
  }

  @Mutation('registerHousehold')
  async register(@Args('input') input: RegisterHouseholdInput, @Context() ctx: GraphQLContext) {
    const { roster, household } = await this.rosters.register(input, ctx.claims);
    return householdView(roster, household, ctx.claims, this.cipher);
  }

  @Mutation('assignHousehold')
  async assign(@Args('input') input: AssignHouseholdInput, @Context() ctx: GraphQLContext) {
    const { roster, household } = await this.rosters.assign(input, ctx.claims);
    return householdView(roster, household, ctx.claims, this.cipher);
  }

  @Mutation('recordHouseholdVisit')
  async visit(@Args('input') input: RecordHouseholdVisitInput, @Context() ctx: GraphQLContext) {
    return visitView(await this.visits.record(input, ctx.claims));
  }

  @Mutation('resolveHouseholdProblem')
  async resolve(
    @Args('input') input: ResolveHouseholdProblemInput,
    @Context() ctx: GraphQLContext,
  ) {
    return visitView(await this.visits.resolve(input, ctx.claims));
  }
}

@Resolver('HouseholdContactStats')
export class HouseholdContactStatsResolver {
  @ResolveField('grids')
  grids(
    @Parent() parent: SubtreeStats,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    const page = pageOfSorted<GridMonthStats>(
      parent.grids,
      { first, after },
      (g) => g.organizationId,
    );
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: gridStatsView(e.node) })) };
  }
}

@Resolver('Household')
export class HouseholdResolver {
  constructor(
    private readonly members: MemberService,
    private readonly loader: MemberLoader,
  ) {}

  @ResolveField('member')
  member(@Parent() household: { memberId: string | null }, @Context() ctx: GraphQLContext) {
    if (!household.memberId) return null;
    return this.members.getReadable(household.memberId, ctx.claims, (i) =>
      this.loader.load(ctx, i),
    );
  }
}
