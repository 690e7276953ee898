import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { VillageLoader } from '../access/village.loader';

/** The village of a funding or income record, named from the projection (batched). */
@Resolver('RuralFunding')
export class RuralFundingResolver {
  constructor(private readonly villages: VillageLoader) {}

  @ResolveField('village')
  village(@Parent() record: { villageId: string }, @Context() ctx: GraphQLContext) {
    return this.villages.load(ctx, record.villageId);
  }
}

@Resolver('RuralCollectiveIncome')
export class RuralCollectiveIncomeResolver {
  constructor(private readonly villages: VillageLoader) {}

  @ResolveField('village')
  village(@Parent() record: { villageId: string }, @Context() ctx: GraphQLContext) {
    return this.villages.load(ctx, record.villageId);
  }
}
