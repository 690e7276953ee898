import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { hasGlobalScope } from '@jiceng/auth';
import { badUserInput, forbidden, notFound } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CreditAccess } from '../access/credit-access';
import { AddCatalogueItemInput, PlaceOrderInput } from './dto/redemption.inputs';
import {
  CATALOGUE_CATEGORY_LABELS,
  type CatalogueItem,
  type RedemptionOrder,
} from './redemption.schemas';
import { REDEMPTION_ORDER_STEPS } from './redemption-order-steps';
import { RedemptionService } from './redemption.service';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const organization = (id: string) => ({ __typename: 'Organization', id });

@Resolver('CatalogueItem')
export class CatalogueResolver {
  constructor(
    private readonly redemption: RedemptionService,
    private readonly access: CreditAccess,
  ) {}

  @Query('catalogue')
  catalogue(
    @Args('communityId') communityId: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    if (!OBJECT_ID.test(communityId))
      throw badUserInput([{ field: 'communityId', message: 'must be an id' }]);
    return this.redemption.catalogue(communityId, { first, after });
  }

  @Mutation('addCatalogueItem')
  async add(@Args('input') input: AddCatalogueItemInput, @Context() ctx: GraphQLContext) {
    await this.assertManages(ctx, input.communityId);
    return this.redemption.addItem(input);
  }

  @Mutation('restockCatalogueItem')
  async restock(
    @Args('id') id: string,
    @Args('quantity') quantity: number,
    @Context() ctx: GraphQLContext,
  ) {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000)
      throw badUserInput([{ field: 'quantity', message: 'must be between 1 and 1000000' }]);
    const item = await this.redemption.getItem(id);
    if (!item) throw notFound('Catalogue item', id);
    await this.assertManages(ctx, item.communityId);
    return this.redemption.restock(id, quantity);
  }

  @ResolveField('id')
  id(@Parent() item: CatalogueItem) {
    return String(item._id);
  }

  @ResolveField('community')
  community(@Parent() item: CatalogueItem) {
    return organization(item.communityId);
  }

  @ResolveField('categoryLabel')
  categoryLabel(@Parent() item: CatalogueItem) {
    return CATALOGUE_CATEGORY_LABELS[item.category];
  }

  private async assertManages(ctx: GraphQLContext, communityId: string) {
    const { role } = ctx.claims;
    if (role !== 'ADMIN' && role !== 'ORG_ADMIN')
      throw forbidden('Only ADMIN and ORG_ADMIN manage catalogues');
    await this.access.requireWithinScope(ctx, communityId);
  }
}

@Resolver('RedemptionOrder')
export class OrderResolver {
  constructor(
    private readonly redemption: RedemptionService,
    private readonly access: CreditAccess,
  ) {}

  @Query('orders')
  async orders(
    @Args('memberId') memberId: string | undefined,
    @Args('communityId') communityId: string | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const { claims } = ctx;
    for (const [field, id] of Object.entries({ memberId, communityId })) {
      if (id !== undefined && id !== null && !OBJECT_ID.test(id))
        throw badUserInput([{ field, message: 'must be an id' }]);
    }
    if (claims.role === 'MEMBER') {
      if (!claims.memberId || (memberId && memberId !== claims.memberId))
        throw forbidden('A member sees its own orders');
      return this.redemption.listOrders(
        { memberId: claims.memberId, communityId },
        { first, after },
      );
    }
    if (!hasGlobalScope(claims)) {
      if (!memberId && !communityId)
        throw badUserInput([
          { field: 'communityId', message: 'name a community or a member in your scope' },
        ]);
      if (communityId) await this.access.requireWithinScope(ctx, communityId);
      if (memberId) await this.access.assertCanRead(ctx, 'MEMBER', memberId);
    }
    return this.redemption.listOrders({ memberId, communityId }, { first, after });
  }

  @Mutation('placeOrder')
  place(@Args('input') input: PlaceOrderInput, @Context() ctx: GraphQLContext) {
    const { claims } = ctx;
    let memberId: string;
    if (claims.role === 'MEMBER') {
      if (!claims.memberId) throw forbidden('Your token names no member');
      if (input.memberId && input.memberId !== claims.memberId)
        throw forbidden('A member orders for itself');
      memberId = claims.memberId;
    } else if (claims.role === 'ADMIN') {
      if (!input.memberId)
        throw badUserInput([{ field: 'input.memberId', message: 'is required for ADMIN' }]);
      memberId = input.memberId;
    } else {
      throw forbidden('Only members (and ADMIN for them) place orders');
    }
    return this.redemption.place(memberId, input.itemId, input.quantity);
  }

  @Mutation('cancelOrder')
  async cancel(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    const order = await this.redemption.getOrder(id);
    if (!order) throw notFound('Order', id);
    const { claims } = ctx;
    const own = claims.role === 'MEMBER' && claims.memberId === order.memberId;
    const manages =
      claims.role === 'ADMIN' ||
      (claims.role === 'ORG_ADMIN' && (await this.access.isWithinScope(ctx, order.communityId)));
    if (!own && !manages) throw forbidden('You may not cancel this order');
    return this.redemption.cancel(order);
  }

  @ResolveField('id')
  id(@Parent() order: RedemptionOrder) {
    return String(order._id);
  }

  @ResolveField('itemId')
  itemId(@Parent() order: RedemptionOrder) {
    return String(order.itemId);
  }

  @ResolveField('item')
  item(@Parent() order: RedemptionOrder) {
    return this.redemption.getItem(String(order.itemId));
  }

  @ResolveField('member')
  member(@Parent() order: RedemptionOrder) {
    return { __typename: 'Member', id: order.memberId };
  }

  @ResolveField('community')
  community(@Parent() order: RedemptionOrder) {
    return organization(order.communityId);
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() order: RedemptionOrder) {
    return REDEMPTION_ORDER_STEPS.labels[order.state];
  }
}
