import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import type { OutboxRecord } from './outbox-record';
import type { OutboxClaim, OutboxStore } from './outbox-relay';

interface WithOutbox {
  _id: unknown;
  outbox: OutboxRecord[];
  outboxClaim?: { by: string; until: Date };
}

/** Names one relay among the instances of a service: host, process and a random part. */
export function relayInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export interface MongoOutboxStoreOptions {
  /** This relay's name in the claims it writes (`relayInstanceId()`). */
  owner: string;
  /**
   * How long a claim holds: longer than a publish normally takes, short enough that the records
   * of an instance that died are taken over soon. A publish held up past it (the broker away)
   * can be repeated by another instance: a duplicate, never a loss.
   */
  claimMs: number;
  now?: () => Date;
}

const PENDING = { 'outbox.eventId': { $exists: true } };

/**
 * Reads pending records from the aggregates' embedded `outbox` arrays of one collection. A claim
 * (`outboxClaim: { by, until }`, next to the outbox in the aggregate's own document) marks the
 * aggregates one relay is publishing; instances' clocks are assumed to agree within a second or
 * so (NTP), far below a claim's length.
 */
export class MongoOutboxStore implements OutboxStore {
  private readonly now: () => Date;

  constructor(
    private readonly model: Model<any>,
    private readonly options: MongoOutboxStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async claim(limit: number, aggregateIds?: string[]): Promise<OutboxClaim> {
    const now = this.now();
    const claimable = {
      $or: [
        { outboxClaim: { $exists: false } },
        { 'outboxClaim.until': { $lte: now } },
        { 'outboxClaim.by': this.options.owner },
      ],
    };
    // Without names, a search for free aggregates; with names, reads by _id only.
    const ids =
      aggregateIds ??
      (
        await this.model
          .find({ ...PENDING, ...claimable }, { _id: 1 })
          .limit(limit)
          .lean<{ _id: unknown }[]>()
      ).map((d) => d._id);
    if (!ids.length) return { claimed: [], held: [] };
    const until = new Date(now.getTime() + this.options.claimMs);
    await this.model.updateMany(
      { _id: { $in: ids }, ...PENDING, ...claimable },
      { $set: { outboxClaim: { by: this.options.owner, until } } },
    );
    const docs = await this.model
      .find({ _id: { $in: ids }, ...PENDING }, { outbox: 1, outboxClaim: 1 })
      .lean<WithOutbox[]>();
    const result: OutboxClaim = { claimed: [], held: [] };
    for (const doc of docs) {
      const aggregateId = String(doc._id);
      if (doc.outboxClaim?.by === this.options.owner)
        result.claimed.push({ aggregateId, records: doc.outbox });
      else result.held.push(aggregateId);
    }
    return result;
  }

  async markPublished(published: { aggregateId: string; eventIds: string[] }[]): Promise<void> {
    await this.model.bulkWrite(
      published.flatMap(({ aggregateId, eventIds }) => [
        {
          updateOne: {
            filter: { _id: aggregateId },
            update: { $pull: { outbox: { eventId: { $in: eventIds } } } },
          },
        },
        // Only our own claim: one that expired and was taken over belongs to the other relay.
        {
          updateOne: {
            filter: { _id: aggregateId, 'outboxClaim.by': this.options.owner },
            update: { $unset: { outboxClaim: 1 } },
          },
        },
      ]),
      { ordered: false },
    );
  }
}
