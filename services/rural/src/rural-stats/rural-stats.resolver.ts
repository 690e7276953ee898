import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { RuralFundingFilter } from './dto/rural-stats.inputs';
import { RuralStatsService } from './rural-stats.service';

@Resolver()
export class RuralStatsResolver {
  constructor(private readonly stats: RuralStatsService) {}

  @Query('ruralFundingTotals')
  fundingTotals(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: RuralFundingFilter,
    @Context() ctx: GraphQLContext,
  ) {
    return this.stats.fundingTotals(ctx.claims, organizationId, filter);
  }

  @Query('villagesByCollectiveIncome')
  villagesByIncome(
    @Args('organizationId') organizationId: string | undefined,
    @Args('year') year: number,
    @Args('minFen') minFen: number,
    @Args('regionCode') regionCode: string | undefined,
    @Args('first') first: number | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.stats.villagesByIncome(ctx.claims, {
      organizationId,
      year,
      minFen,
      regionCode,
      first,
    });
  }
}
