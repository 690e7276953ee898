import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { documentLoader, RequestLoader } from '@jiceng/graphql';
import { CreateFundInput, FundApplicationFilter, FundFilter } from './dto/fund.inputs';
import type { Fund, FundAllocation } from './fund.schema';
import { FundService } from './fund.service';
import { FUND_STEPS, type FundStage } from './fund-steps';

@Resolver('Fund')
export class FundResolver {
  private readonly stageCounts = new RequestLoader<string, { stage: FundStage; count: number }[]>(
    (ids) => this.funds.stageCounts(ids),
  );
  private readonly applications = documentLoader((ids) => this.funds.findApplicationsByIds(ids));

  constructor(private readonly funds: FundService) {}

  @Query('fund')
  fund(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.funds.readableFund(ctx.claims, id);
  }

  @Query('funds')
  list(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: FundFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.funds.listFunds(ctx.claims, organizationId, filter, { first, after });
  }

  @Mutation('createFund')
  create(@Args('input') input: CreateFundInput, @Context() ctx: GraphQLContext) {
    return this.funds.createFund(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() fund: Fund) {
    return String(fund._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() fund: Fund) {
    return String(fund.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() fund: Fund) {
    return { id: String(fund.organizationId) };
  }

  @ResolveField('allocatedFen')
  allocatedFen(@Parent() fund: Fund) {
    return fund.budgetFen - fund.remainingFen;
  }

  @ResolveField('allocations')
  allocations(@Parent() fund: Fund, @Context() ctx: GraphQLContext) {
    return fund.allocations.map((a: FundAllocation) => ({
      ...a,
      applicationId: String(a.applicationId),
      application: () => this.applications.load(ctx, String(a.applicationId)),
    }));
  }

  @ResolveField('stageCounts')
  async stageCountsOf(@Parent() fund: Fund, @Context() ctx: GraphQLContext) {
    const counts = await this.stageCounts.load(ctx, String(fund._id));
    return counts.map((c) => ({ ...c, stageLabel: FUND_STEPS.labels[c.stage] }));
  }

  @ResolveField('applications')
  applicationsOf(
    @Parent() fund: Fund,
    @Args('filter') filter: FundApplicationFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.funds.applicationsOf(fund, filter, { first, after });
  }
}
