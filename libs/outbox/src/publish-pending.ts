import type { Connection } from 'mongoose';
import { TOPIC_SPECS } from '@jiceng/events';
import { EventProducer, createKafka, ensureTopics } from '@jiceng/kafka';
import { KafkaOutboxPublisher } from './kafka-outbox-publisher';
import { MongoOutboxStore, relayInstanceId } from './mongo-outbox-store';
import { OutboxRelay } from './outbox-relay';

/**
 * Publishes every pending record of a connection's outbox collections once, for loaders that
 * write many aggregates directly (demo data) and should not wait for a service's next scan.
 * It claims what it publishes, as a service's relay does, so the two do not publish a record twice.
 */
export async function publishPendingOutboxes(
  connection: Connection,
  clientId: string,
): Promise<number> {
  const kafka = createKafka(clientId);
  await ensureTopics(kafka, TOPIC_SPECS);
  const producer = new EventProducer(kafka);
  try {
    const publisher = new KafkaOutboxPublisher(producer);
    const owner = relayInstanceId();
    let published = 0;
    for (const model of Object.values(connection.models).filter((m) => m.schema.path('outbox'))) {
      const relay = new OutboxRelay(
        new MongoOutboxStore(model, { owner, claimMs: 60_000 }),
        publisher,
        {
          intervalMs: 0,
          scanIntervalMs: 0,
          batchSize: 500,
        },
      );
      published += await relay.drainOnce();
    }
    return published;
  } finally {
    await producer.disconnect();
  }
}
