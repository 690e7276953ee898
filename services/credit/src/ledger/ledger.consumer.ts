import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  checkInReviewedV1,
  stationVisitRecordedV1,
  TOPIC_SPECS,
  type EventContract,
} from '@jiceng/events';
import {
  ensureTopics,
  IdempotentConsumer,
  KAFKA,
  type IdempotentConsumerOptions,
  type ProcessResult,
} from '@jiceng/kafka';
import { consumerGroups, creditEnv } from '../credit.env';
import { topicEnds, waitUntilCaughtUp } from '../projections/catch-up';
import { ProjectionConsumers } from '../projections/projection.consumers';
import { CheckInLedgerService } from './checkin-ledger.service';
import { StationVisitLedgerService } from './station-visit-ledger.service';

/**
 * The ledger consumers: check-ins (group `jiceng-credit-ledger`) and station visits
 * (`jiceng-credit-station-visits`). Visits name their operator organization and need no
 * projection: their consumer starts at once. The check-in consumers start once the projections
 * have read their topics up to where they ended at start-up, so a fresh database or a replay
 * attributes claims with complete projections instead of parking most of them. Both hand a
 * partition's fetch to their batch handler, up to 500 events at a time (a constant number of
 * Mongo commands each); events it sets aside, or a batch that failed, go one by one.
 */
@Injectable()
export class LedgerConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LedgerConsumer.name);
  private readonly consumers: IdempotentConsumer<unknown>[] = [];
  private starting?: Promise<void>;
  private stopping = false;
  readonly counts: Record<ProcessResult, number> = { applied: 0, duplicate: 0, 'dead-lettered': 0 };

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly ledger: CheckInLedgerService,
    private readonly visits: StationVisitLedgerService,
    private readonly projections: ProjectionConsumers,
  ) {}

  onApplicationBootstrap(): void {
    this.starting = this.start().catch((error) => {
      this.logger.error(`the ledger consumer did not start: ${String(error)}`);
      throw error;
    });
    this.starting.catch(() => undefined);
  }

  /** Resolves when the ledger consumer runs (rejects if it could not start). */
  started(): Promise<void> {
    return this.starting ?? Promise.reject(new Error('not bootstrapped'));
  }

  private async start(): Promise<void> {
    const groupIds = consumerGroups(creditEnv().groupPrefix);
    await ensureTopics(this.kafka, TOPIC_SPECS);
    // One consumer (three partitions at a time) is plenty for visits, and fewer consumers
    // contend less for an operator's month total.
    await Promise.all([
      this.run(groupIds.stationVisits, stationVisitRecordedV1, {
        handler: (e) => this.visits.handle(e),
        batchHandler: (events) => this.visits.handleBatch(events),
      }),
      this.startCheckIns(groupIds.ledger),
    ]);
  }

  private async startCheckIns(groupId: string): Promise<void> {
    const env = creditEnv();
    const groups = this.projections.groupTopics();
    const ends = await topicEnds(this.kafka, [...new Set(groups.map((g) => g.topic))]);
    let lastLog = 0;
    const caughtUp = await waitUntilCaughtUp(
      this.kafka,
      groups,
      ends,
      env.catchUpTimeoutMs,
      (lag) => {
        if (Date.now() - lastLog < 5000) return;
        lastLog = Date.now();
        this.logger.log(`waiting for the projections to catch up (${lag} events behind)`);
      },
      () => this.stopping,
    );
    if (this.stopping) return;
    if (!caughtUp)
      this.logger.warn('projections still behind: starting the ledger; unknown members are parked');
    for (let i = 0; i < env.consumersPerGroup; i++)
      await this.run(groupId, checkInReviewedV1, {
        handler: (e) => this.ledger.handle(e),
        batchHandler: (events) => this.ledger.handleBatch(events),
      });
    if (!this.stopping) this.logger.log(`ledger consumers started (${env.consumersPerGroup})`);
  }

  private async run<T>(
    groupId: string,
    contract: EventContract<T>,
    handlers: Pick<IdempotentConsumerOptions<T>, 'handler' | 'batchHandler'>,
  ): Promise<void> {
    if (this.stopping) return;
    const env = creditEnv();
    const consumer = new IdempotentConsumer(this.kafka, {
      groupId,
      contract,
      ...handlers,
      onBatchError: (error) =>
        this.logger.warn(`a batch of ${contract.topic} goes one by one: ${String(error)}`),
      retry: { attempts: env.ledgerRetryAttempts, backoffMs: env.ledgerRetryBackoffMs },
      onProcessed: (result) => {
        this.counts[result]++;
        if (result === 'dead-lettered')
          this.logger.warn(`an event of ${contract.topic} was dead-lettered`);
      },
    });
    this.consumers.push(consumer as IdempotentConsumer<unknown>);
    await consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
