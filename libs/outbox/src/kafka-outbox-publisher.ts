import type { EventProducer } from '@jiceng/kafka';
import type { OutboxRecord } from './outbox-record';
import type { OutboxPublisher } from './outbox-relay';

/** Sends one aggregate's records topic by topic, keeping their order (records of one aggregate share a key). */
export class KafkaOutboxPublisher implements OutboxPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(records: OutboxRecord[]): Promise<void> {
    let start = 0;
    while (start < records.length) {
      let end = start + 1;
      while (end < records.length && records[end].topic === records[start].topic) end++;
      const run = records.slice(start, end);
      await this.producer.send(
        run[0].topic,
        run.map((r) => ({ key: r.key, value: r.value, headers: { 'ce-id': r.eventId } })),
      );
      start = end;
    }
  }
}
