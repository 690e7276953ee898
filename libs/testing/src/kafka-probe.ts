import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
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
