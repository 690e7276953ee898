import type { Consumer, Kafka } from 'kafkajs';
import type { EventContract } from '@jiceng/events';
import { processBatch, type BatchHandler } from './batch-processor';
import { consumedTopics } from './consumer-lag';
import { EventProducer } from './event-producer';
import {
  processMessage,
  type EventHandler,
  type ProcessorPorts,
  type ProcessResult,
  type ReceivedMessage,
  type RetryPolicy,
} from './message-processor';

export interface IdempotentConsumerOptions<T> {
  groupId: string;
  contract: EventContract<T>;
  /** One event at a time; in batch mode, the events the batch handler sets aside. */
  handler: EventHandler<T>;
  /**
   * Batch mode: the valid events of a partition's fetch, up to `maxBatchSize` at a time, in
   * order, applied together (see processBatch). Without it, events are handled one by one.
   */
  batchHandler?: BatchHandler<T>;
  /** Most events per batch handler call (default 500). */
  maxBatchSize?: number;
  /** Told when a batch handler call fails (its events are then handled one by one). */
  onBatchError?: (error: unknown) => void;
  retry?: RetryPolicy;
  fromBeginning?: boolean;
  /** How many partitions are handled at once (default 3); each partition stays in order. */
  partitionsConcurrently?: number;
  onProcessed?: (result: ProcessResult) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Consumes one contract's topic with manual offset commits: offsets are committed only after
 * the effects (or dead letters) of the messages before them are stored, so a crash replays and
 * never skips. Handlers make replays harmless by storing the effect with the event id under a
 * unique index.
 */
export class IdempotentConsumer<T> {
  private readonly consumer: Consumer;
  private readonly dlqProducer: EventProducer;
  /** Leaves the process's consumed topics (consumer-lag.ts), whose lag /metrics reports. */
  private unlisted?: () => void;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: IdempotentConsumerOptions<T>,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.dlqProducer = new EventProducer(kafka);
  }

  async start(): Promise<void> {
    const { contract, onProcessed } = this.options;
    const retry = this.options.retry ?? { attempts: 3, backoffMs: 200 };
    const ports: ProcessorPorts = {
      sendToDlq: (topic: string, m: Parameters<EventProducer['send']>[1][number]) =>
        this.dlqProducer.send(topic, [m]),
      sleep,
    };
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: contract.topic,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    this.unlisted = consumedTopics.add(this.kafka, this.options.groupId, contract.topic);
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions are independent (order matters per key, and a key stays on its partition).
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const { topic, partition } = batch;
        const commit = (offset: string) =>
          this.consumer.commitOffsets([
            { topic, partition, offset: (BigInt(offset) + 1n).toString() },
          ]);
        // Batch mode commits after each chunk (a crash redoes one chunk at most), the
        // per-message mode once per fetch; either only after every effect before is stored,
        // so a crash only redelivers messages whose effects the handlers recognise.
        const batched = this.options.batchHandler !== undefined;
        const size = batched ? (this.options.maxBatchSize ?? 500) : 1;
        let done: string | undefined;
        for (let i = 0; i < batch.messages.length; i += size) {
          if (!isRunning() || isStale()) break;
          const chunk = batch.messages.slice(i, i + size).map((m) => ({ topic, partition, ...m }));
          // A chunk can take longer than the session timeout on a busy database: keep the
          // membership alive meanwhile (kafkajs sends at most one per heartbeat interval).
          const beat = setInterval(() => void heartbeat().catch(() => undefined), 1000);
          const results = await this.process(chunk, retry, ports).finally(() =>
            clearInterval(beat),
          );
          done = chunk[chunk.length - 1].offset;
          resolveOffset(done);
          for (const result of results) onProcessed?.(result);
          if (batched) await commit(done);
          await heartbeat();
        }
        if (!batched && done !== undefined) await commit(done);
      },
    });
  }

  private async process(
    messages: ReceivedMessage[],
    retry: RetryPolicy,
    ports: ProcessorPorts,
  ): Promise<ProcessResult[]> {
    const { contract, groupId, handler, batchHandler, onBatchError } = this.options;
    if (batchHandler)
      return processBatch(
        messages,
        contract,
        { handler, batchHandler },
        groupId,
        retry,
        ports,
        onBatchError,
      );
    return [await processMessage(messages[0], contract, handler, groupId, retry, ports)];
  }

  async stop(): Promise<void> {
    this.unlisted?.();
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }
}
