import type { Kafka } from 'kafkajs';

// Whether consumer groups have processed their topics up to a mark: the topics' ends as they were
// when the mark was taken. Committed offsets are read from the broker, so this works for the
// IdempotentConsumer as it is (it commits after each message's effect or dead letter).

export interface GroupTopic {
  groupId: string;
  topic: string;
}

/** Per topic, the end offset of each partition that holds messages. */
export type TopicEnds = Map<string, { partition: number; end: bigint }[]>;

export async function topicEnds(kafka: Kafka, topics: readonly string[]): Promise<TopicEnds> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends: TopicEnds = new Map();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(
        topic,
        offsets
          .filter((o) => BigInt(o.high) > BigInt(o.low))
          .map((o) => ({ partition: o.partition, end: BigInt(o.high) })),
      );
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/** How many messages below the mark the groups have not committed yet (0: caught up). */
export async function lagBehind(
  kafka: Kafka,
  groups: readonly GroupTopic[],
  ends: TopicEnds,
): Promise<bigint> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let lag = 0n;
    for (const { groupId, topic } of groups) {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const byPartition = new Map(
        (committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]),
      );
      for (const { partition, end } of ends.get(topic) ?? []) {
        const offset = byPartition.get(partition) ?? -1n;
        if (offset < end) lag += end - (offset < 0n ? 0n : offset);
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the groups have committed up to the mark; false when `timeoutMs` (0: no limit)
 * ran out or `cancelled()` turned true first.
 */
export async function waitUntilCaughtUp(
  kafka: Kafka,
  groups: readonly GroupTopic[],
  ends: TopicEnds,
  timeoutMs: number,
  onLag?: (lag: bigint) => void,
  cancelled: () => boolean = () => false,
): Promise<boolean> {
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Number.POSITIVE_INFINITY;
  for (;;) {
    const lag = await lagBehind(kafka, groups, ends);
    if (lag === 0n) return true;
    onLag?.(lag);
    if (Date.now() > deadline || cancelled()) return false;
    await new Promise((r) => setTimeout(r, 500));
  }
}
