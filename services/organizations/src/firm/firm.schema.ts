import { Schema, type Types } from 'mongoose';
import { FIRM_STATUSES, type FirmStatus } from './firm.enums';

export const FIRM_MODEL = 'ConstructionFirm';

export interface ConstructionFirm {
  _id: Types.ObjectId;
  name: string;
  /** 统一社会信用代码; unique, and fixed once registered (it is the firm's legal identity). */
  creditCode: string;
  /** The firm's own party organization in the tree, when it has one. */
  organizationId: Types.ObjectId | null;
  status: FirmStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const firmSchema = new Schema<ConstructionFirm>(
  {
    name: { type: String, required: true },
    creditCode: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: FIRM_STATUSES, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'construction_firms', versionKey: false },
);

// The unique index is what makes a credit code registrable once, even under concurrent writes.
firmSchema.index({ creditCode: 1 }, { unique: true });
firmSchema.index({ organizationId: 1 });
firmSchema.index({ status: 1, _id: 1 });
