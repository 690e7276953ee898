import type { Kafka } from 'kafkajs';
import { dlqTopicOf, type TopicSpec } from '@jiceng/events';

/** Creates the topics (and their dead-letter topics) that do not exist yet; the broker never auto-creates. */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly Pick<TopicSpec, 'name' | 'partitions'>[],
  replicationFactor = 1,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = specs.flatMap((spec) => [
      { topic: spec.name, numPartitions: spec.partitions, replicationFactor },
      { topic: dlqTopicOf(spec.name), numPartitions: 1, replicationFactor },
    ]);
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (!missing.length) return;
    await admin.createTopics({ topics: missing, waitForLeaders: true });
    // A fresh KRaft broker may still answer "not the leader" for a moment after the leaders are
    // elected; a topic is ready once its offsets can be read.
    for (const { topic } of missing) await untilReadable(() => admin.fetchTopicOffsets(topic));
  } finally {
    await admin.disconnect();
  }
}

async function untilReadable(read: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await read();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
