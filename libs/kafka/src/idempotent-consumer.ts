import type { Consumer, Kafka } from 'kafkajs';
import type { EventContract } from '@jiceng/events';
import { EventProducer } from './event-producer';
import {
  processMessage,
  type EventHandler,
  type ProcessResult,
  type RetryPolicy,
} from './message-processor';

export interface IdempotentConsumerOptions<T> {
  groupId: string;
  contract: EventContract<T>;
  handler: EventHandler<T>;
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

  constructor(
    kafka: Kafka,
    private readonly options: IdempotentConsumerOptions<T>,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.dlqProducer = new EventProducer(kafka);
  }

  async start(): Promise<void> {
    const { contract, groupId, handler, onProcessed } = this.options;
    const retry = this.options.retry ?? { attempts: 3, backoffMs: 200 };
    const ports = {
      sendToDlq: (topic: string, m: Parameters<EventProducer['send']>[1][number]) =>
        this.dlqProducer.send(topic, [m]),
      sleep,
    };
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: contract.topic,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions are independent (order matters per key, and a key stays on its partition).
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        let done: string | undefined;
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          const result = await processMessage(
            { topic: batch.topic, partition: batch.partition, ...message },
            contract,
            handler,
            groupId,
            retry,
            ports,
          );
          resolveOffset(message.offset);
          done = message.offset;
          onProcessed?.(result);
          await heartbeat();
        }
        // One commit per batch, after every effect in it is stored; a crash before it only
        // redelivers messages whose effects the handler recognises as duplicates.
        if (done !== undefined) {
          await this.consumer.commitOffsets([
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: (BigInt(done) + 1n).toString(),
            },
          ]);
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }
}
