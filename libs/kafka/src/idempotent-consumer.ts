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
  onProcessed?: (result: ProcessResult) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Consumes one contract's topic with manual offset commits: the offset of a message is committed
 * only after its effect (or its dead letter) is stored, so a crash replays and never skips.
 * Handlers make replays harmless by storing the effect with the event id under a unique index.
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
      eachMessage: async ({ topic, partition, message }) => {
        const result = await processMessage(
          { topic, partition, ...message },
          contract,
          handler,
          groupId,
          retry,
          ports,
        );
        await this.consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
        onProcessed?.(result);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }
}
