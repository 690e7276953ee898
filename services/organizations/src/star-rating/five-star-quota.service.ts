import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { FIVE_STAR_QUOTA_MODEL, quotaId, type FiveStarQuota } from './five-star-quota.schema';

/**
 * The 20% cap on a street's five-star candidates per period. A place is claimed before the
 * rating is written and given back if that write fails, so the cap holds under concurrency.
 * Claiming is idempotent per rating: if the process dies between the claim and the rating
 * write, the place stays with that rating until its defense is retried (which reuses it) or
 * ends below five stars (which gives it back).
 */
@Injectable()
export class FiveStarQuotaService {
  constructor(@InjectModel(FIVE_STAR_QUOTA_MODEL) private readonly model: Model<FiveStarQuota>) {}

  /** Lists the rating as a candidate unless `cap` others are listed; false when full. */
  async claim(
    streetId: Types.ObjectId,
    period: string,
    ratingId: Types.ObjectId,
    cap: number,
  ): Promise<boolean> {
    const _id = quotaId(streetId, period);
    try {
      await this.model.updateOne(
        { _id },
        { $setOnInsert: { streetId, period, candidateIds: [], updatedAt: new Date() } },
        { upsert: true },
      );
    } catch (error) {
      // Two first claims raced to create the document; it exists now either way.
      if (!isDuplicateKeyError(error)) throw error;
    }
    const result = await this.model.updateOne(
      {
        _id,
        $or: [{ candidateIds: ratingId }, { $expr: { $lt: [{ $size: '$candidateIds' }, cap] } }],
      },
      { $addToSet: { candidateIds: ratingId }, $set: { updatedAt: new Date() } },
    );
    return result.matchedCount === 1;
  }

  async release(streetId: Types.ObjectId, period: string, ratingId: Types.ObjectId): Promise<void> {
    await this.model.updateOne(
      { _id: quotaId(streetId, period) },
      { $pull: { candidateIds: ratingId }, $set: { updatedAt: new Date() } },
    );
  }

  async named(streetId: Types.ObjectId, period: string): Promise<number> {
    const quota = await this.model
      .findById(quotaId(streetId, period), { candidateIds: 1 })
      .lean<Pick<FiveStarQuota, 'candidateIds'>>();
    return quota?.candidateIds.length ?? 0;
  }
}
