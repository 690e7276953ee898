import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MemberStatsService } from './member-stats.service';

@Resolver('MemberStats')
export class MemberStatsResolver {
  constructor(private readonly stats: MemberStatsService) {}

  @Query('memberStats')
  memberStats(
    @Args('organizationId') organizationId: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.stats.stats(organizationId ?? undefined, ctx.claims);
  }
}
