import type { Kafka } from 'kafkajs';
import { readSettings, SettingProblem, wholeNumber, type Setting } from '@jiceng/config';
import { dlqTopicOf, type TopicSpec } from '@jiceng/events';

const replicationFactor = wholeNumber(
  'KAFKA_REPLICATION_FACTOR',
  1,
  { min: 1, max: 7 },
  'copies of each topic the services create, one a broker: 1 on the local broker, 3 on a three-broker cluster',
);

// All replicas but one by default: with acks=all (EventProducer), a write is stored on that many
// brokers before it is acknowledged, and one broker may be down without stopping the writes.
const minInsyncReplicas: Setting<number> = {
  variable: 'KAFKA_MIN_INSYNC_REPLICAS',
  doc: 'the min.insync.replicas of those topics: the replicas a write needs before it is acknowledged; default all but one (at least 1)',
  parse(raw, env) {
    const factor = replicationFactor.parse(env.KAFKA_REPLICATION_FACTOR, env);
    const copies = factor instanceof SettingProblem ? 1 : factor; // reported by its own variable
    const fallback = Math.max(1, copies - 1);
    const value = wholeNumber('KAFKA_MIN_INSYNC_REPLICAS', fallback, { min: 1 }, '').parse(
      raw,
      env,
    );
    if (value instanceof SettingProblem || value <= copies) return value;
    return new SettingProblem(`must be at most KAFKA_REPLICATION_FACTOR (${copies})`);
  },
};

export const TOPIC_SETTINGS = { replicationFactor, minInsyncReplicas };

/** How the topics a service creates are replicated. */
export interface TopicReplication {
  replicationFactor: number;
  minInsyncReplicas: number;
}

export function topicReplicationFromEnv(env: NodeJS.ProcessEnv = process.env): TopicReplication {
  return readSettings(TOPIC_SETTINGS, env);
}

/** Creates the topics (and their dead-letter topics) that do not exist yet; the broker never auto-creates. */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly Pick<TopicSpec, 'name' | 'partitions'>[],
  { replicationFactor, minInsyncReplicas }: TopicReplication = topicReplicationFromEnv(),
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const configEntries = [{ name: 'min.insync.replicas', value: String(minInsyncReplicas) }];
    const wanted = specs.flatMap((spec) => [
      { topic: spec.name, numPartitions: spec.partitions, replicationFactor, configEntries },
      { topic: dlqTopicOf(spec.name), numPartitions: 1, replicationFactor, configEntries },
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
