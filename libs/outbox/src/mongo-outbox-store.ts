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

  async pending(limit: number) {
    const docs = await this.model
      .find({ 'outbox.eventId': { $exists: true } }, { outbox: 1 })
      .limit(limit)
      .lean<WithOutbox[]>();
    return docs.map((d) => ({ aggregateId: String(d._id), records: d.outbox }));
  }

  async markPublished(aggregateId: string, eventIds: string[]): Promise<void> {
    await this.model.updateOne(
      { _id: aggregateId },
      { $pull: { outbox: { eventId: { $in: eventIds } } } },
    );
  }
}
