import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { TOPIC_SPECS, dlqTopicOf } from '@jiceng/events';
import { ensureTopics } from '@jiceng/kafka';
import { waitFor } from './wait-for';

export interface TopicProbe {
  messages: KafkaMessage[];
  /** Waits until `predicate` holds for the messages seen so far. */
  waitFor(
    predicate: (messages: KafkaMessage[]) => boolean,
    timeoutMs?: number,
  ): Promise<KafkaMessage[]>;
  stop(): Promise<void>;
}

/** Reads a topic from the beginning with a consumer group of its own, collecting every message. */
export async function probeTopic(kafka: Kafka, topic: string): Promise<TopicProbe> {
  const consumer: Consumer = kafka.consumer({
    groupId: `test-probe-${randomBytes(6).toString('hex')}`,
  });
  const messages: KafkaMessage[] = [];
  // A probe may start before the service that creates the platform's topics.
  const spec = TOPIC_SPECS.find((t) => t.name === topic || dlqTopicOf(t.name) === topic);
  if (spec) await ensureTopics(kafka, [spec]);
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  // A rebalance before the group's first commit (a busy machine misses a heartbeat) reads the
  // topic again from the beginning: each offset is one message, however often it is handed over.
  const seen = new Set<string>();
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const at = `${partition}:${message.offset}`;
      if (seen.has(at)) return;
      seen.add(at);
      messages.push(message);
    },
  });
  return {
    messages,
    waitFor: (predicate, timeoutMs = 30_000) =>
      waitFor(() => (predicate(messages) ? messages : undefined), timeoutMs),
    stop: () => consumer.disconnect(),
  };
}
