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
import {
  CancelMicroWishInput,
  CollectMicroWishInput,
  FulfillMicroWishInput,
  MicroWishIdInput,
} from './dto/micro-wish.inputs';
import { MICRO_WISH_STEPS } from './micro-wish-steps';
import { WISHER_KIND_LABELS } from './micro-wish.enums';
import type { MicroWish } from './micro-wish.schema';
import { MicroWishService } from './micro-wish.service';

@Resolver('MicroWish')
export class MicroWishResolver {
  constructor(private readonly wishes: MicroWishService) {}

  @Query('microWish')
  microWish(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.wishes.getReadable(id, ctx.claims);
  }

  @Query('openMicroWishes')
  open(
    @Args('organizationId') organizationId: string | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.wishes.open(ctx.claims, organizationId ?? undefined, { first, after });
  }

  @Query('microWishStats')
  stats(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.wishes.stats(ctx.claims, organizationId, period);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.wishes.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() wish: MicroWish) {
    return String(wish._id);
  }

  @ResolveField('community')
  community(@Parent() wish: MicroWish) {
    return { id: String(wish.communityId) };
  }

  @ResolveField('member')
  member(@Parent() wish: MicroWish) {
    return wish.memberId ? { id: String(wish.memberId) } : null;
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() wish: MicroWish) {
    return MICRO_WISH_STEPS.labels[wish.state];
  }

  @ResolveField('wisherKindLabel')
  wisherKindLabel(@Parent() wish: MicroWish) {
    return WISHER_KIND_LABELS[wish.wisherKind];
  }

  @Mutation('collectMicroWish')
  collect(@Args('input') input: CollectMicroWishInput, @Context() ctx: GraphQLContext) {
    return this.wishes.collect(input, ctx.claims);
  }

  @Mutation('claimMicroWish')
  claim(@Args('input') input: MicroWishIdInput, @Context() ctx: GraphQLContext) {
    return this.wishes.claim(input, ctx.claims);
  }

  @Mutation('fulfillMicroWish')
  fulfill(@Args('input') input: FulfillMicroWishInput, @Context() ctx: GraphQLContext) {
    return this.wishes.fulfill(input, ctx.claims);
  }

  @Mutation('cancelMicroWish')
  cancel(@Args('input') input: CancelMicroWishInput, @Context() ctx: GraphQLContext) {
    return this.wishes.cancel(input, ctx.claims);
  }
}
