import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { documentLoader } from '@jiceng/graphql';
import {
  AdvanceFundApplicationInput,
  AllocateFundInput,
  ApplyForFundInput,
} from './dto/fund.inputs';
import type { FundApplication } from './fund.schema';
import { FundService } from './fund.service';
import { FundAllocationService } from './fund-allocation.service';
import { FUND_STEPS } from './fund-steps';

@Resolver('FundApplication')
export class FundApplicationResolver {
  private readonly fundLoader = documentLoader((ids) => this.funds.findFundsByIds(ids));

  constructor(
    private readonly funds: FundService,
    private readonly allocations: FundAllocationService,
  ) {}

  @Query('fundApplication')
  fundApplication(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.funds.readableApplication(ctx.claims, id);
  }

  @Mutation('applyForFund')
  apply(@Args('input') input: ApplyForFundInput, @Context() ctx: GraphQLContext) {
    return this.funds.apply(input, ctx.claims);
  }

  @Mutation('advanceFundApplication')
  advance(@Args('input') input: AdvanceFundApplicationInput, @Context() ctx: GraphQLContext) {
    return this.funds.advance(input, ctx.claims);
  }

  @Mutation('allocateFund')
  allocate(@Args('input') input: AllocateFundInput, @Context() ctx: GraphQLContext) {
    return this.allocations.allocate(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() application: FundApplication) {
    return String(application._id);
  }

  @ResolveField('fundId')
  fundId(@Parent() application: FundApplication) {
    return String(application.fundId);
  }

  @ResolveField('fund')
  fund(@Parent() application: FundApplication, @Context() ctx: GraphQLContext) {
    return this.fundLoader.load(ctx, String(application.fundId));
  }

  @ResolveField('organizationId')
  organizationId(@Parent() application: FundApplication) {
    return String(application.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() application: FundApplication) {
    return { id: String(application.organizationId) };
  }

  @ResolveField('stageLabel')
  stageLabel(@Parent() application: FundApplication) {
    return FUND_STEPS.labels[application.stage];
  }

  @ResolveField('steps')
  steps(@Parent() application: FundApplication) {
    return application.steps.map((s) => ({ ...s, stageLabel: FUND_STEPS.labels[s.stage] }));
  }
}
