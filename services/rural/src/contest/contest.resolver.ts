import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { parsePeriod } from '@jiceng/calendar';
import {
  CloseContestInput,
  ContestFilter,
  CreateContestInput,
  EnterContestInput,
  ScoreContestEntryInput,
} from './dto/contest.inputs';
import { CONTEST_STATUS_LABELS, type Contest, type ContestEntry } from './contest.schema';
import { ContestService } from './contest.service';

const entryView = (entry: ContestEntry) => ({
  ...entry,
  id: String(entry._id),
  organizationId: String(entry.organizationId),
  organization: { id: String(entry.organizationId) },
  meanScore: entry.scores.length
    ? Math.round((entry.scores.reduce((s, x) => s + x.score, 0) / entry.scores.length) * 100) / 100
    : null,
});

@Resolver('Contest')
export class ContestResolver {
  constructor(private readonly contests: ContestService) {}

  @Query('contest')
  contest(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.contests.readable(ctx.claims, id);
  }

  @Query('contests')
  list(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: ContestFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.contests.list(ctx.claims, organizationId, filter, { first, after });
  }

  @Mutation('createContest')
  create(@Args('input') input: CreateContestInput, @Context() ctx: GraphQLContext) {
    return this.contests.create(input, ctx.claims);
  }

  @Mutation('enterContest')
  enter(@Args('input') input: EnterContestInput, @Context() ctx: GraphQLContext) {
    return this.contests.enter(input, ctx.claims);
  }

  @Mutation('scoreContestEntry')
  score(@Args('input') input: ScoreContestEntryInput, @Context() ctx: GraphQLContext) {
    return this.contests.score(input, ctx.claims);
  }

  @Mutation('closeContest')
  close(@Args('input') input: CloseContestInput, @Context() ctx: GraphQLContext) {
    return this.contests.close(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() contest: Contest) {
    return String(contest._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() contest: Contest) {
    return String(contest.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() contest: Contest) {
    return { id: String(contest.organizationId) };
  }

  @ResolveField('startsAt')
  startsAt(@Parent() contest: Contest) {
    return parsePeriod(contest.quarter, ['QUARTER'])?.startsAt;
  }

  @ResolveField('endsAt')
  endsAt(@Parent() contest: Contest) {
    return parsePeriod(contest.quarter, ['QUARTER'])?.endsAt;
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() contest: Contest) {
    return CONTEST_STATUS_LABELS[contest.status];
  }

  @ResolveField('entries')
  entries(@Parent() contest: Contest) {
    return contest.entries.map(entryView);
  }

  @ResolveField('ranking')
  ranking(@Parent() contest: Contest) {
    return this.rows(contest);
  }

  @ResolveField('winners')
  winners(@Parent() contest: Contest) {
    return contest.status === 'CLOSED' ? this.rows(contest).filter((r) => r.winner) : [];
  }

  private rows(contest: Contest) {
    const entries = new Map(contest.entries.map((e) => [String(e._id), entryView(e)]));
    return this.contests
      .ranking(contest)
      .map((row) => ({ ...row, entry: entries.get(row.entryId) }));
  }
}
