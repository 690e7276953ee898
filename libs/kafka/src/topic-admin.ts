import type { Kafka } from 'kafkajs';
import { dlqTopicOf, type TopicSpec } from '@jiceng/events';

/** Creates the topics (and their dead-letter topics) that do not exist yet; the broker never auto-creates. */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
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
    if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
