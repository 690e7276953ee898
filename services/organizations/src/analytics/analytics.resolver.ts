import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { AnalyticsService, type OrganizationStats } from './analytics.service';
import { OrganizationStatsArgs } from './dto/analytics.args';

@Resolver('OrganizationStats')
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query('organizationStats')
  organizationStats(@Args() args: OrganizationStatsArgs, @Context() ctx: GraphQLContext) {
    return this.analytics.stats(args.rootId, ctx.claims);
  }

  @ResolveField('starDistribution')
  starDistribution(
    @Parent() stats: OrganizationStats,
    @Args('periods') periods: string[] | null | undefined,
  ) {
    return this.analytics.starDistribution(stats.communityIds, periods);
  }
}
