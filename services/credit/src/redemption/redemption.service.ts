import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { badUserInput, conflict, notFound, paginate, type PageArgs } from '@jiceng/graphql';
import { shanghaiMonth, shanghaiQuarter } from '@jiceng/calendar';
import { createOrConflict } from '@jiceng/workflow';
import { accountKey } from '../account/account';
import { insertIgnoringDuplicates } from '../ledger/bulk-writes';
import { LEDGER_ENTRY_MODEL, type LedgerEntry } from '../ledger/ledger.schemas';
import { WalletService } from '../ledger/wallet.service';
import {
  CATALOGUE_ITEM_MODEL,
  ORDER_MODEL,
  type CatalogueItem,
  type OrderRejection,
  type RedemptionOrder,
} from './redemption.schemas';
import { REDEMPTION_ORDER_STEPS, type OrderStep } from './redemption-order-steps';

// An order still PENDING or CANCELLING this long after its last change was cut short by a crash.
const INTERRUPTED_AFTER_MS = 10_000;

const placeOp = (order: RedemptionOrder) => `order:${order._id}`;
const undoOp = (order: RedemptionOrder) => `order:${order._id}:undo`;
const cancelOp = (order: RedemptionOrder) => `order:${order._id}:cancel`;

export interface NewCatalogueItem {
  communityId: string;
  code: string;
  name: string;
  category: CatalogueItem['category'];
  unit: string;
  pricePoints: number;
  stock: number;
}

/**
 * 积分兑换: orders spend a member's points and an item's stock, each with one conditional
 * single-document update, so concurrent orders never overspend either; the ledger records a SPEND
 * entry, and a cancellation a REFUND entry reversing it.
 */
@Injectable()
export class RedemptionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedemptionService.name);

  constructor(
    @InjectModel(CATALOGUE_ITEM_MODEL) private readonly items: Model<CatalogueItem>,
    @InjectModel(ORDER_MODEL) private readonly orders: Model<RedemptionOrder>,
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    private readonly wallets: WalletService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.orders
      .find({
        state: { $in: ['PENDING', 'CANCELLING'] },
        updatedAt: { $lt: new Date(Date.now() - INTERRUPTED_AFTER_MS) },
      })
      .lean<RedemptionOrder[]>();
    for (const order of interrupted) {
      if (order.state === 'CANCELLING') await this.completeCancellation(order);
      // Points taken means the member's order went through that far: finish it; otherwise
      // nothing happened yet and the order is dropped rather than charged long after.
      else if (await this.wallets.hasPending(order.account, placeOp(order)))
        await this.completePlacement(order);
      else await this.reject(order, 'INTERRUPTED');
    }
    if (interrupted.length) this.logger.log(`${interrupted.length} interrupted orders settled`);
  }

  // ---- catalogue -------------------------------------------------------------------------

  getItem(id: string): Promise<CatalogueItem | null> {
    return Types.ObjectId.isValid(id)
      ? this.items.findById(id, { pending: 0 }).lean<CatalogueItem>()
      : Promise.resolve(null);
  }

  catalogue(communityId: string, page: PageArgs) {
    return paginate<CatalogueItem>(this.items, { communityId, active: true }, page, { pending: 0 });
  }

  async addItem(input: NewCatalogueItem): Promise<CatalogueItem> {
    const item: Omit<CatalogueItem, 'pending'> = {
      _id: new Types.ObjectId(),
      ...input,
      active: true,
      createdAt: new Date(),
    };
    await createOrConflict(this.items, item, `The community already has an item ${input.code}`);
    return { ...item, pending: [] };
  }

  async restock(id: string, quantity: number): Promise<CatalogueItem> {
    const item = await this.items
      .findOneAndUpdate(
        { _id: id },
        { $inc: { stock: quantity } },
        { returnDocument: 'after', projection: { pending: 0 } },
      )
      .lean<CatalogueItem>();
    if (!item) throw notFound('Catalogue item', id);
    return item;
  }

  // ---- orders ----------------------------------------------------------------------------

  getOrder(id: string): Promise<RedemptionOrder | null> {
    return Types.ObjectId.isValid(id)
      ? this.orders.findById(id).lean<RedemptionOrder>()
      : Promise.resolve(null);
  }

  listOrders(filter: { memberId?: string; communityId?: string }, page: PageArgs) {
    const query: QueryFilter<RedemptionOrder> = {};
    if (filter.memberId) query.memberId = filter.memberId;
    if (filter.communityId) query.communityId = filter.communityId;
    return paginate<RedemptionOrder>(this.orders, query, page);
  }

  async place(memberId: string, itemId: string, quantity: number): Promise<RedemptionOrder> {
    const item = await this.getItem(itemId);
    if (!item || !item.active)
      throw badUserInput([{ field: 'input.itemId', message: 'is not an item of any catalogue' }]);
    const now = new Date();
    const order: RedemptionOrder = {
      _id: new Types.ObjectId(),
      memberId,
      account: accountKey('MEMBER', memberId),
      communityId: item.communityId,
      itemId: item._id,
      itemName: item.name,
      quantity,
      unitPrice: item.pricePoints,
      totalPoints: item.pricePoints * quantity,
      state: 'PENDING',
      rejection: null,
      spendEntryId: new Types.ObjectId(),
      refundEntryId: new Types.ObjectId(),
      createdAt: now,
      updatedAt: now,
    };
    await this.orders.create(order);
    const done = await this.completePlacement(order);
    if (done.state === 'REJECTED') {
      throw conflict(
        done.rejection === 'INSUFFICIENT_POINTS'
          ? `Not enough points: ${order.totalPoints} needed`
          : `${item.name} is out of stock`,
      );
    }
    return done;
  }

  private async completePlacement(order: RedemptionOrder): Promise<RedemptionOrder> {
    const op = placeOp(order);
    if ((await this.wallets.spend(order.account, op, order.totalPoints)) === 'insufficient')
      return this.reject(order, 'INSUFFICIENT_POINTS');
    if (!(await this.moveStock(order, op, -order.quantity))) {
      await this.wallets.refund(order.account, undoOp(order), order.totalPoints);
      return this.reject(order, 'OUT_OF_STOCK');
    }
    await insertIgnoringDuplicates(this.entries, [this.entry(order, 'SPEND')]);
    await this.step(order, 'confirm');
    await this.settle(order, [op]);
    return (await this.getOrder(String(order._id)))!;
  }

  private async reject(order: RedemptionOrder, rejection: OrderRejection) {
    await this.step(order, 'reject', { rejection });
    await this.settle(order, [placeOp(order), undoOp(order)]);
    return (await this.getOrder(String(order._id)))!;
  }

  /**
   * Cancels a confirmed order. Only the call that moves it to CANCELLING carries the refund out
   * (or, after a crash, the next start): a concurrent cancel returns the order as it is.
   */
  async cancel(order: RedemptionOrder): Promise<RedemptionOrder> {
    if (order.state === 'CANCELLED' || order.state === 'CANCELLING') return order;
    REDEMPTION_ORDER_STEPS.requireStep(order.state, 'cancel');
    if (!(await this.step(order, 'cancel'))) return (await this.getOrder(String(order._id)))!;
    return this.completeCancellation(order);
  }

  private async completeCancellation(order: RedemptionOrder): Promise<RedemptionOrder> {
    const op = cancelOp(order);
    await this.wallets.refund(order.account, op, order.totalPoints);
    await this.moveStock(order, op, order.quantity);
    await insertIgnoringDuplicates(this.entries, [this.entry(order, 'REFUND')]);
    await this.step(order, 'refund');
    await this.settle(order, [op]);
    return (await this.getOrder(String(order._id)))!;
  }

  /**
   * Moves the order from the step's states to its next one; false when it was not in them. Not
   * transition(): a step here follows the points and stock moved in other documents, and start-up
   * recovery may take it again, so a write that matches nothing means the step was taken already
   * (or, for cancel, is being taken by another call) — no CONFLICT; the caller reads the order.
   */
  private async step(
    order: RedemptionOrder,
    step: OrderStep,
    set: Partial<RedemptionOrder> = {},
  ): Promise<boolean> {
    const { from, to } = REDEMPTION_ORDER_STEPS.steps[step];
    const res = await this.orders.updateOne(
      { _id: order._id, state: { $in: from } },
      { $set: { ...set, state: to, updatedAt: new Date() } },
    );
    return res.modifiedCount > 0;
  }

  /** Moves stock once per operation; taking needs enough stock. False when there was not. */
  private async moveStock(order: RedemptionOrder, op: string, delta: number): Promise<boolean> {
    const res = await this.items.updateOne(
      {
        _id: order.itemId,
        'pending.opId': { $ne: op },
        ...(delta < 0 ? { stock: { $gte: -delta } } : {}),
      },
      { $inc: { stock: delta }, $push: { pending: { opId: op, delta } } },
    );
    if (res.modifiedCount) return true;
    return (await this.items.countDocuments({ _id: order.itemId, 'pending.opId': op })) > 0;
  }

  private async settle(order: RedemptionOrder, ops: string[]): Promise<void> {
    await this.wallets.settle(order.account, ops);
    await this.items.updateOne(
      { _id: order.itemId, 'pending.opId': { $in: ops } },
      { $pull: { pending: { opId: { $in: ops } } } },
    );
  }

  private entry(order: RedemptionOrder, kind: 'SPEND' | 'REFUND'): LedgerEntry {
    const now = new Date();
    const spend = kind === 'SPEND';
    const points = spend ? -order.totalPoints : order.totalPoints;
    const occurredAt = spend ? order.createdAt : now;
    return {
      _id: spend ? order.spendEntryId : order.refundEntryId,
      sourceEventId: spend ? placeOp(order) : cancelOp(order),
      account: order.account,
      accountKind: 'MEMBER',
      accountId: order.memberId,
      kind,
      role: null,
      points,
      requestedPoints: points,
      capped: false,
      ruleVersion: null,
      month: shanghaiMonth(occurredAt),
      quarter: shanghaiQuarter(occurredAt),
      occurredAt,
      recordedAt: now,
      claimId: null,
      visitId: null,
      orderId: String(order._id),
      reversesEntryId: spend ? null : order.spendEntryId,
    };
  }
}
