import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPIC_SPECS } from '@jiceng/events';
import { IdempotentConsumer, type IdempotentConsumerOptions } from '../idempotent-consumer';
import { ensureTopics } from '../topic-admin';

/**
 * One IdempotentConsumer that starts with the application, once every topic exists, and stops
 * with it; a dead-lettered event is logged as `<what> was dead-lettered`. A projection or read
 * model that follows one topic extends it and says what to consume.
 */
export abstract class LifecycleConsumer<T>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(this.constructor.name);
  private consumer?: IdempotentConsumer<T>;

  protected constructor(
    protected readonly kafka: Kafka,
    /** The event as the warning names it: 'a member event'. */
    private readonly what: string,
  ) {}

  /** Read when the application starts, so settings and injected services are ready. */
  protected abstract consumerOptions(): Omit<IdempotentConsumerOptions<T>, 'onProcessed'>;

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.consumer = new IdempotentConsumer(this.kafka, {
      ...this.consumerOptions(),
      onProcessed: (result) => {
        if (result === 'dead-lettered') this.logger.warn(`${this.what} was dead-lettered`);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
