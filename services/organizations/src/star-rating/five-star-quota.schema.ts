import { Schema, type Types } from 'mongoose';

export const FIVE_STAR_QUOTA_MODEL = 'FiveStarQuota';

/**
 * The five-star candidates a street has named for a period. Naming a candidate first claims a
 * place here with one conditional update (`$addToSet` while fewer than the cap are listed), so
 * two candidates named at the same moment cannot exceed the 20% cap without a transaction.
 */
export interface FiveStarQuota {
  /** `<streetId>:<period>`. */
  _id: string;
  streetId: Types.ObjectId;
  period: string;
  candidateIds: Types.ObjectId[];
  updatedAt: Date;
}

export const fiveStarQuotaSchema = new Schema<FiveStarQuota>(
  {
    _id: { type: String, required: true },
    streetId: { type: Schema.Types.ObjectId, required: true },
    period: { type: String, required: true },
    candidateIds: { type: [Schema.Types.ObjectId], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'star_rating_quotas', versionKey: false },
);

export const quotaId = (streetId: Types.ObjectId | string, period: string) =>
  `${String(streetId)}:${period}`;
