import type { EventProducer } from '@jiceng/kafka';
import { endWith, SpanKind, startSpanIn } from '@jiceng/telemetry';
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
      // A publish span per event, in the trace of the request that wrote it, ended with the send.
      const spans = run.map((r) =>
        startSpanIn(r.traceparent, `publish ${topic}`, {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': topic,
            'messaging.message.id': r.eventId,
          },
        }),
      );
      const sent = this.producer.send(
        topic,
        run.map((r) => ({ key: r.key, value: r.value, headers: { 'ce-id': r.eventId } })),
      );
      await Promise.all(spans.map((span) => endWith(span, sent)));
    }
  }
}
