import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, visibleOrNull, type Claims } from '@jiceng/auth';
import { FacetPager } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CommunityAccess } from '../community/community-access';
import { transition } from '@jiceng/workflow';
import { forbidden, notFound, paginate, type Connection, type PageArgs } from '@jiceng/graphql';
import { periodArg } from '@jiceng/calendar';
import type {
  CancelMicroWishInput,
  CollectMicroWishInput,
  FulfillMicroWishInput,
  MicroWishFilter,
  MicroWishIdInput,
} from './dto/micro-wish.inputs';
import { MICRO_WISH_STEPS, type MicroWishStep } from './micro-wish-steps';
import { MICRO_WISH_MODEL, type MicroWish } from './micro-wish.schema';

export interface MicroWishStats {
  collected: number;
  claimed: number;
  fulfilled: number;
  cancelled: number;
  fulfilledRate: number;
}

@Injectable()
export class MicroWishService {
  private readonly pager: FacetPager<MicroWish>;

  constructor(
    @InjectModel(MICRO_WISH_MODEL) private readonly model: Model<MicroWish>,
    private readonly access: CommunityAccess,
  ) {
    this.pager = new FacetPager(model);
  }

  find(id: string): Promise<MicroWish | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<MicroWish>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<MicroWish> {
    const wish = await this.find(id);
    if (!wish) throw notFound('Micro-wish', id);
    return wish;
  }

  /** Within the community's scope; an open wish also to every member (the board); its claimant. */
  async getReadable(id: string, claims: Claims): Promise<MicroWish | null> {
    return visibleOrNull(
      await this.find(id),
      async (wish) =>
        hasGlobalScope(claims) ||
        (claims.role === 'MEMBER' &&
          (wish.state === 'COLLECTED' || claims.memberId === String(wish.memberId))) ||
        this.access.isReadable(claims, wish.communityId),
    );
  }

  /** Organization.microWishes of a page of organizations: one aggregation per tick. */
  async ofOrganization(
    ctx: GraphQLContext,
    organizationId: string,
    filter: MicroWishFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<MicroWish>> {
    const communities = await this.access.communitiesUnder(ctx, organizationId);
    const query: QueryFilter<MicroWish> = { communityId: { $in: communities } };
    if (filter?.states?.length) query.state = { $in: filter.states };
    return this.pager.page(ctx, { filter: query, page });
  }

  /** The board of wishes waiting for a member, optionally under one organization. */
  async open(
    claims: Claims,
    organizationId: string | undefined,
    page: PageArgs,
  ): Promise<Connection<MicroWish>> {
    const query: QueryFilter<MicroWish> = { state: 'COLLECTED' };
    // Posted for every member; the community's admins and readers see their own subtree's.
    const communities = await this.access.boardCommunities(
      claims,
      organizationId,
      claims.role === 'MEMBER',
    );
    if (communities) query.communityId = { $in: communities };
    return paginate(this.model, query, page);
  }

  /** Wishes collected in the period (all time without one) under an organization. */
  async stats(
    claims: Claims,
    organizationId: string,
    period?: string | null,
  ): Promise<MicroWishStats> {
    const communities = await this.access.communitiesUnder(claims, organizationId);
    const match: QueryFilter<MicroWish> = { communityId: { $in: communities } };
    if (period) {
      const { startsAt: from, endsAt: to } = periodArg(period);
      match.collectedAt = { $gte: from, $lt: to };
    }
    const rows = await this.model.aggregate<{ _id: string; n: number }>([
      { $match: match },
      { $group: { _id: '$state', n: { $sum: 1 } } },
    ]);
    const count = (state: string) => rows.find((r) => r._id === state)?.n ?? 0;
    const collected = rows.reduce((sum, r) => sum + r.n, 0);
    const fulfilled = count('FULFILLED');
    return {
      collected,
      claimed: count('CLAIMED'),
      fulfilled,
      cancelled: count('CANCELLED'),
      fulfilledRate: collected ? Math.round((fulfilled / collected) * 10_000) / 10_000 : 0,
    };
  }

  async collect(input: CollectMicroWishInput, claims: Claims): Promise<MicroWish> {
    const community = await this.access.community(input.communityId, 'input.communityId');
    await this.access.requireAdmin(claims, community._id);
    const now = new Date();
    const wish: MicroWish = {
      _id: new Types.ObjectId(),
      communityId: community._id,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      wisherKind: input.wisherKind,
      state: 'COLLECTED',
      collectedAt: now,
      collectedBy: claims.sub,
      memberId: null,
      updatedAt: now,
    };
    await this.model.create(wish);
    return wish;
  }

  /** A member claims a wish for itself; of two members claiming at once, one gets it. */
  async claim(input: MicroWishIdInput, claims: Claims): Promise<MicroWish> {
    if (claims.role !== 'MEMBER' || !claims.memberId || !Types.ObjectId.isValid(claims.memberId))
      throw forbidden('Micro-wishes are claimed by members (a MEMBER token with claims.memberId)');
    const wish = await this.get(input.id);
    const now = new Date();
    return this.step(wish, 'claim', {
      memberId: new Types.ObjectId(claims.memberId),
      claimedAt: now,
    });
  }

  async fulfill(input: FulfillMicroWishInput, claims: Claims): Promise<MicroWish> {
    const wish = await this.get(input.id);
    const isClaimant = claims.role === 'MEMBER' && claims.memberId === String(wish.memberId);
    if (!isClaimant && !(await this.access.isAdmin(claims, wish.communityId)))
      throw forbidden(
        `Only the member who claimed micro-wish ${input.id} or the community's admin may fulfil it`,
      );
    return this.step(wish, 'fulfill', {
      fulfilledAt: new Date(),
      fulfillmentNote: input.note.trim(),
    });
  }

  async cancel(input: CancelMicroWishInput, claims: Claims): Promise<MicroWish> {
    const wish = await this.get(input.id);
    await this.access.requireAdmin(claims, wish.communityId);
    return this.step(wish, 'cancel', {
      cancelledAt: new Date(),
      cancelReason: input.reason.trim(),
    });
  }

  private async step(
    wish: MicroWish,
    step: MicroWishStep,
    changes: Partial<MicroWish>,
  ): Promise<MicroWish> {
    MICRO_WISH_STEPS.requireStep(wish.state, step);
    await transition(this.model, {
      steps: MICRO_WISH_STEPS,
      step,
      id: wish._id,
      set: { ...changes, updatedAt: new Date() },
      what: 'Micro wish',
    });
    return this.get(String(wish._id));
  }
}
