import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { ApproveClaimInput, RejectClaimInput, RevokeClaimApprovalInput } from './dto/review.inputs';
import { ReviewService } from './review.service';

@Resolver()
export class ReviewResolver {
  constructor(private readonly reviews: ReviewService) {}

  @Mutation('approveClaim')
  approve(@Args('input') input: ApproveClaimInput, @Context() ctx: GraphQLContext) {
    return this.reviews.approve(input, ctx.claims);
  }

  @Mutation('rejectClaim')
  reject(@Args('input') input: RejectClaimInput, @Context() ctx: GraphQLContext) {
    return this.reviews.reject(input, ctx.claims);
  }

  @Mutation('revokeClaimApproval')
  revoke(@Args('input') input: RevokeClaimApprovalInput, @Context() ctx: GraphQLContext) {
    return this.reviews.revoke(input, ctx.claims);
  }
}
