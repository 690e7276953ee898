import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { TaskLoader } from '../task/task.loader';
import { CLAIM_STEPS } from './claim-steps';
import { CLAIMANT_KIND_LABELS } from './claim.enums';
import type { Claim } from './claim.schema';
import { ClaimService } from './claim.service';
import { attendanceView, reviewView } from './claim.views';
import { ClaimFilter, ClaimVolunteerTaskInput, WithdrawClaimInput } from './dto/claim.inputs';

@Resolver('Claim')
export class ClaimResolver {
  constructor(
    private readonly claims: ClaimService,
    private readonly tasks: TaskLoader,
  ) {}

  @Query('volunteerClaim')
  volunteerClaim(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.claims.getReadable(id, ctx.claims);
  }

  @Query('volunteerClaims')
  volunteerClaims(
    @Args('organizationId') organizationId: string,
    @Args('filter') filter: ClaimFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.claims.inOrganization(ctx.claims, organizationId, filter, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.claims.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() claim: Claim) {
    return String(claim._id);
  }

  /** Whoever may read a claim may read its task. */
  @ResolveField('task')
  task(@Parent() claim: Claim, @Context() ctx: GraphQLContext) {
    return this.tasks.load(ctx, String(claim.taskId));
  }

  @ResolveField('member')
  member(@Parent() claim: Claim) {
    return claim.memberId ? { id: String(claim.memberId) } : null;
  }

  @ResolveField('organization')
  organization(@Parent() claim: Claim) {
    return claim.organizationId ? { id: String(claim.organizationId) } : null;
  }

  @ResolveField('claimantKindLabel')
  claimantKindLabel(@Parent() claim: Claim) {
    return CLAIMANT_KIND_LABELS[claim.claimantKind];
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() claim: Claim) {
    return CLAIM_STEPS.labels[claim.state];
  }

  @ResolveField('checkIn')
  checkIn(@Parent() claim: Claim) {
    return attendanceView(claim.checkIn);
  }

  @ResolveField('checkOut')
  checkOut(@Parent() claim: Claim) {
    return attendanceView(claim.checkOut);
  }

  @ResolveField('review')
  review(@Parent() claim: Claim) {
    return reviewView(claim.review);
  }

  @Mutation('claimVolunteerTask')
  claim(@Args('input') input: ClaimVolunteerTaskInput, @Context() ctx: GraphQLContext) {
    return this.claims.claim(input, ctx.claims);
  }

  @Mutation('withdrawClaim')
  withdraw(@Args('input') input: WithdrawClaimInput, @Context() ctx: GraphQLContext) {
    return this.claims.withdraw(input, ctx.claims);
  }
}
