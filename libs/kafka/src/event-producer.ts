import { Partitioners, type Admin, type IHeaders, type Kafka, type Producer } from 'kafkajs';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: IHeaders;
}

// The partition of a key, as kafkajs's default partitioner (Java's murmur2) places it.
const partitionOfKey = Partitioners.DefaultPartitioner();

/**
 * An idempotent producer with one request in flight, so messages of one key keep their order
 * even when the broker asks for a retry. It retries without limit: while the broker is away,
 * events wait in their outbox (or the consumer waits) instead of being dropped.
 *
 * Each send goes to one partition. kafkajs 2.2 remembers which brokers acknowledged a send that
 * spans several: when a partition's leader dies and the retry finds its new leader among those,
 * its messages are skipped and the send still resolves (tulios/kafkajs#1303). A broker killed in
 * the middle of 10,000 approvals lost about a hundred that way; one partition a send cannot.
 * Sends of one partition run one after another, so a retry keeps its sequence numbers (the broker
 * drops the copy it may have stored before it died) and no other send takes them meanwhile.
 */
export class EventProducer {
  private readonly producer: Producer;
  private connected?: Promise<void>;
  private admin?: Promise<Admin>;
  private readonly partitionCounts = new Map<string, Promise<number>>();
  private readonly partitionQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (!messages.length) return;
    await this.connect();
    const partitions = await this.partitionCount(topic);
    const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      replicas: [],
      isr: [],
      partitionErrorCode: 0,
    }));
    const byPartition = new Map<number, OutgoingMessage[]>();
    for (const message of messages) {
      const partition = partitionOfKey({ topic, partitionMetadata, message });
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), message]);
    }
    await Promise.all(
      [...byPartition].map(([partition, batch]) =>
        this.inTurn(`${topic}/${partition}`, () =>
          this.producer.send({
            topic,
            acks: -1,
            messages: batch.map((m) => ({ ...m, partition })),
          }),
        ),
      ),
    );
  }

  async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.partitionCounts.clear();
    if (admin) await (await admin.catch(() => undefined))?.disconnect();
    if (!this.connected) return;
    this.connected = undefined;
    await this.producer.disconnect();
  }

  /** Runs `send` after the sends of the same partition that came before it. */
  private inTurn<T>(partition: string, send: () => Promise<T>): Promise<T> {
    const previous = this.partitionQueues.get(partition) ?? Promise.resolve();
    const next = previous.then(send, send);
    const settled = next.catch(() => undefined);
    this.partitionQueues.set(partition, settled);
    void settled.then(() => {
      if (this.partitionQueues.get(partition) === settled) this.partitionQueues.delete(partition);
    });
    return next;
  }

  /** The topic's partitions, read once (topics are created with their partitions and kept). */
  private partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = this.metadataAdmin()
        .then((admin) => admin.fetchTopicMetadata({ topics: [topic] }))
        .then(({ topics }) => topics[0].partitions.length);
      count.catch(() => this.partitionCounts.delete(topic)); // read again next time
      this.partitionCounts.set(topic, count);
    }
    return count;
  }

  private metadataAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    this.admin.catch(() => (this.admin = undefined));
    return this.admin;
  }
}
