import { Schema, type Types } from 'mongoose';
import { MICRO_WISH_STEPS, type MicroWishState } from './micro-wish-steps';
import { WISHER_KINDS, type WisherKind } from './micro-wish.enums';

export const MICRO_WISH_MODEL = 'MicroWish';

export interface MicroWish {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  title: string;
  description?: string | null;
  wisherKind: WisherKind;
  state: MicroWishState;
  collectedAt: Date;
  collectedBy: string;
  /** The member who claimed the wish. */
  memberId?: Types.ObjectId | null;
  claimedAt?: Date | null;
  fulfilledAt?: Date | null;
  fulfillmentNote?: string | null;
  cancelledAt?: Date | null;
  cancelReason?: string | null;
  updatedAt: Date;
}

export const microWishSchema = new Schema<MicroWish>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    description: String,
    wisherKind: { type: String, enum: WISHER_KINDS, required: true },
    state: { type: String, enum: MICRO_WISH_STEPS.states, required: true },
    collectedAt: { type: Date, required: true },
    collectedBy: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    claimedAt: Date,
    fulfilledAt: Date,
    fulfillmentNote: String,
    cancelledAt: Date,
    cancelReason: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'micro_wishes', versionKey: false },
);
microWishSchema.index({ communityId: 1, state: 1, _id: 1 });
microWishSchema.index({ state: 1, _id: 1 }); // the board of open wishes
microWishSchema.index({ memberId: 1, _id: 1 });
