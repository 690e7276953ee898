import type { Model } from 'mongoose';
import type { OutboxRecord } from './outbox-record';
import type { OutboxStore } from './outbox-relay';

interface WithOutbox {
  _id: unknown;
  outbox: OutboxRecord[];
}

/** Reads pending records from the aggregates' embedded `outbox` arrays of one collection. */
export class MongoOutboxStore implements OutboxStore {
  constructor(private readonly model: Model<any>) {}

  async pending(limit: number, aggregateIds?: string[]) {
    const filter = aggregateIds
      ? { _id: { $in: aggregateIds }, 'outbox.eventId': { $exists: true } }
      : { 'outbox.eventId': { $exists: true } };
    const docs = await this.model.find(filter, { outbox: 1 }).limit(limit).lean<WithOutbox[]>();
    return docs.map((d) => ({ aggregateId: String(d._id), records: d.outbox }));
  }

  async markPublished(published: { aggregateId: string; eventIds: string[] }[]): Promise<void> {
    await this.model.bulkWrite(
      published.map(({ aggregateId, eventIds }) => ({
        updateOne: {
          filter: { _id: aggregateId },
          update: { $pull: { outbox: { eventId: { $in: eventIds } } } },
        },
      })),
      { ordered: false },
    );
  }
}
