import type { Admin, Kafka } from 'kafkajs';

/** How far one consumer group is behind on one partition: messages not yet committed. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

interface Consumed {
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** Consumers of this process in the group on the topic (several share a large topic). */
  consumers: number;
}

/**
 * The consumer groups and topics this process consumes, each IdempotentConsumer adding itself
 * when it starts and leaving when it stops, so /metrics reports the lag of exactly these.
 */
export class ConsumedTopics {
  private readonly entries = new Map<string, Consumed>();

  /** Records one running consumer; the returned function records that it stopped. */
  add(kafka: Kafka, groupId: string, topic: string): () => void {
    const key = JSON.stringify([groupId, topic]);
    const entry = this.entries.get(key) ?? { kafka, groupId, topic, consumers: 0 };
    entry.consumers++;
    this.entries.set(key, entry);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      if (--entry.consumers === 0) this.entries.delete(key);
    };
  }

  list(): readonly Omit<Consumed, 'consumers'>[] {
    return [...this.entries.values()];
  }
}

/** The process's consumers (one registry per process, as there is one /metrics). */
export const consumedTopics = new ConsumedTopics();

/**
 * The high watermark minus where the group resumes: its committed offset, or the low watermark
 * when it has none (-1) or when retention deleted the messages up to beyond it.
 */
export function partitionLag(high: string, low: string, committed: string): number {
  const start = BigInt(committed) < 0n ? BigInt(low) : maxOf(BigInt(committed), BigInt(low));
  const lag = BigInt(high) - start;
  return lag > 0n ? Number(lag) : 0;
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);

export class ConsumerLagTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the broker did not give the consumer offsets within ${timeoutMs} ms`);
    this.name = 'ConsumerLagTimeoutError';
  }
}

/**
 * The lag of every group and partition this process consumes, read from the broker now. Fails
 * after `timeoutMs` (a slow or unreachable broker must not hang a scrape), closing its admin
 * clients; they never retry, the next scrape does.
 */
export async function readConsumerLag(
  consumed: ConsumedTopics = consumedTopics,
  timeoutMs = 2000,
): Promise<PartitionLag[]> {
  const byClient = new Map<Kafka, { groupId: string; topic: string }[]>();
  for (const { kafka, groupId, topic } of consumed.list()) {
    byClient.set(kafka, [...(byClient.get(kafka) ?? []), { groupId, topic }]);
  }
  if (!byClient.size) return [];
  const admins = [...byClient].map(([kafka, groups]) => ({
    admin: kafka.admin({ retry: { retries: 0 } }),
    groups,
  }));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      for (const { admin } of admins) void admin.disconnect().catch(() => undefined);
      reject(new ConsumerLagTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  const reads = Promise.all(admins.map(({ admin, groups }) => readWithAdmin(admin, groups)));
  try {
    return (await Promise.race([reads, timeout])).flat();
  } finally {
    clearTimeout(timer);
    reads.catch(() => undefined); // a read that lost the race fails later, unobserved
  }
}

async function readWithAdmin(
  admin: Admin,
  groups: { groupId: string; topic: string }[],
): Promise<PartitionLag[]> {
  try {
    await admin.connect();
    const topics = [...new Set(groups.map((g) => g.topic))];
    const watermarks = new Map(
      await Promise.all(
        topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const),
      ),
    );
    const lags = await Promise.all(
      groups.map(async ({ groupId, topic }) => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const byPartition = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
        return (watermarks.get(topic) ?? []).map((w): PartitionLag => ({
          group: groupId,
          topic,
          partition: w.partition,
          lag: partitionLag(w.high, w.low, byPartition.get(w.partition) ?? '-1'),
        }));
      }),
    );
    return lags.flat();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
