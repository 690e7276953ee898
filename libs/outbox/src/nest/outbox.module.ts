import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Model } from 'mongoose';
import { readSettings, wholeNumber } from '@jiceng/config';
import { TOPIC_SPECS } from '@jiceng/events';
import { EventProducer, KAFKA, ensureTopics } from '@jiceng/kafka';
import { KafkaOutboxPublisher } from '../kafka-outbox-publisher';
import { MongoOutboxStore, relayInstanceId } from '../mongo-outbox-store';
import { OutboxRelay } from '../outbox-relay';

const OUTBOX_MODELS = Symbol('OUTBOX_MODELS');

export const OUTBOX_SETTINGS = {
  pollMs: wholeNumber(
    'OUTBOX_POLL_MS',
    1000,
    { min: 10 },
    'how often aggregates whose publication failed are tried again',
  ),
  scanMs: wholeNumber(
    'OUTBOX_SCAN_MS',
    60_000,
    { min: 100 },
    'how often the whole outbox collection is searched for records a crashed process left behind',
  ),
  claimMs: wholeNumber(
    'OUTBOX_CLAIM_MS',
    30_000,
    { min: 1000 },
    'how long an instance holds the aggregates it is publishing before another may take them over',
  ),
};

/**
 * Runs one relay per aggregate collection; services call `kick()` after a write for low latency.
 * Every instance of a service runs its relays: each publishes what it claimed (normally what it
 * wrote), and any of them takes over what a dead instance left.
 */
@Injectable()
export class OutboxRelays implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relays: OutboxRelay[];

  constructor(
    @Inject(OUTBOX_MODELS) models: Model<any>[],
    @Inject(KAFKA) private readonly kafka: Kafka,
    producer: EventProducer,
  ) {
    const publisher = new KafkaOutboxPublisher(producer);
    const { pollMs: intervalMs, scanMs: scanIntervalMs, claimMs } = readSettings(OUTBOX_SETTINGS);
    const owner = relayInstanceId();
    this.relays = models.map(
      (model) =>
        new OutboxRelay(new MongoOutboxStore(model, { owner, claimMs }), publisher, {
          intervalMs,
          scanIntervalMs,
          batchSize: 100,
          onError: (error) =>
            this.logger.warn(
              `publishing ${model.collection.name} outbox failed, will retry: ${String(error)}`,
            ),
        }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.relays.forEach((relay) => relay.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.relays.map((relay) => relay.stop()));
  }

  /** Publishes the aggregate's new records now (or, without an id, whatever is pending). */
  kick(aggregateId?: string): void {
    this.relays.forEach((relay) => relay.kick(aggregateId));
  }

  /** Publishes everything pending now (tests and the demo loader wait on this). */
  async drain(): Promise<number> {
    const counts = await Promise.all(this.relays.map((relay) => relay.drainOnce()));
    return counts.reduce((a, b) => a + b, 0);
  }
}

@Module({})
export class OutboxModule {
  /**
   * Relays for the named models of a `MongooseModule.forFeature(...)` module (pass the same
   * object the feature imports); their schemas must use `withOutbox`.
   */
  static forModels(models: DynamicModule, modelNames: string[]): DynamicModule {
    return {
      module: OutboxModule,
      imports: [models],
      providers: [
        {
          provide: OUTBOX_MODELS,
          inject: modelNames.map((n) => getModelToken(n)),
          useFactory: (...models: Model<any>[]) => models,
        },
        OutboxRelays,
      ],
      exports: [OutboxRelays],
    };
  }
}
