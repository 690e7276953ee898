import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { ClaimService } from '../claim/claim.service';

interface MemberRef {
  id: string;
}

/**
 * The volunteering subgraph's fields on Member. The member itself, global roles, and the scopes
 * of the member's branch and reporting community (from the member projection) may read them.
 */
@Resolver('Member')
export class MemberVolunteeringResolver {
  constructor(private readonly claims: ClaimService) {}

  @ResolveField('claims')
  claimsOf(
    @Parent() member: MemberRef,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.claims.ofMember(ctx.claims, member.id, { first, after });
  }

  @ResolveField('volunteerHours')
  volunteerHours(
    @Parent() member: MemberRef,
    @Args('period') period: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.claims.volunteerHours(ctx.claims, member.id, period);
  }
}
