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
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return {
    messages,
    waitFor: (predicate, timeoutMs = 30_000) =>
      waitFor(() => (predicate(messages) ? messages : undefined), timeoutMs),
    stop: () => consumer.disconnect(),
  };
}
