import type { EventProducer } from '@jiceng/kafka';
import type { OutboxRecord } from './outbox-record';
import type { OutboxPublisher } from './outbox-relay';

/**
 * One send per topic. Order matters per key within a topic, and grouping by topic keeps the
 * records of each key in the order given.
 */
export class KafkaOutboxPublisher implements OutboxPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(records: OutboxRecord[]): Promise<void> {
    const byTopic = new Map<string, OutboxRecord[]>();
    for (const record of records)
      byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
    for (const [topic, run] of byTopic) {
      await this.producer.send(
        topic,
        run.map((r) => ({ key: r.key, value: r.value, headers: { 'ce-id': r.eventId } })),
      );
    }
  }
}
