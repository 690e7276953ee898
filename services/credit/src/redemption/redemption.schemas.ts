import { Schema, type Types } from 'mongoose';
import type { WalletOp } from '../ledger/ledger.schemas';
import type { OrderState } from './redemption-order-steps';

export const CATALOGUE_ITEM_MODEL = 'CatalogueItem';
export const ORDER_MODEL = 'RedemptionOrder';

export const CATALOGUE_CATEGORIES = ['GOODS', 'COUPON'] as const;
export type CatalogueCategory = (typeof CATALOGUE_CATEGORIES)[number];
export const CATALOGUE_CATEGORY_LABELS: Record<CatalogueCategory, string> = {
  GOODS: '实物',
  COUPON: '合作商家券',
};

/**
 * 积分兑换 — an item of a community's catalogue. Stock is taken with one conditional update
 * (`stock >= quantity`); `pending` remembers the orders whose stock move is not final yet.
 */
export interface CatalogueItem {
  _id: Types.ObjectId;
  communityId: string;
  /** Stable per community, e.g. RICE. */
  code: string;
  name: string;
  category: CatalogueCategory;
  unit: string;
  pricePoints: number;
  stock: number;
  active: boolean;
  pending: WalletOp[];
  createdAt: Date;
}

export const catalogueItemSchema = new Schema<CatalogueItem>(
  {
    communityId: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    unit: { type: String, required: true },
    pricePoints: { type: Number, required: true },
    stock: { type: Number, required: true },
    active: { type: Boolean, required: true },
    pending: {
      type: [new Schema<WalletOp>({ opId: String, delta: Number }, { _id: false })],
      default: [],
    },
    createdAt: { type: Date, required: true },
  },
  { collection: 'catalogue_items', versionKey: false },
);
catalogueItemSchema.index({ communityId: 1, code: 1 }, { unique: true });

export const ORDER_REJECTIONS = ['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'INTERRUPTED'] as const;
export type OrderRejection = (typeof ORDER_REJECTIONS)[number];

/**
 * A redemption order. Its state moves by conditional single-document updates; each step
 * (points, stock, ledger entry) is idempotent, so an order interrupted by a crash is completed or
 * undone at the next start.
 */
export interface RedemptionOrder {
  _id: Types.ObjectId;
  memberId: string;
  account: string;
  communityId: string;
  itemId: Types.ObjectId;
  itemName: string;
  quantity: number;
  unitPrice: number;
  totalPoints: number;
  state: OrderState;
  rejection: OrderRejection | null;
  spendEntryId: Types.ObjectId;
  refundEntryId: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const orderSchema = new Schema<RedemptionOrder>(
  {
    memberId: { type: String, required: true },
    account: { type: String, required: true },
    communityId: { type: String, required: true },
    itemId: { type: Schema.Types.ObjectId, required: true },
    itemName: { type: String, required: true },
    quantity: { type: Number, required: true },
    unitPrice: { type: Number, required: true },
    totalPoints: { type: Number, required: true },
    state: { type: String, required: true },
    rejection: { type: String, default: null },
    spendEntryId: { type: Schema.Types.ObjectId, required: true },
    refundEntryId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'redemption_orders', versionKey: false },
);
orderSchema.index({ memberId: 1, _id: 1 });
orderSchema.index({ communityId: 1, _id: 1 });
orderSchema.index({ state: 1, updatedAt: 1 });
