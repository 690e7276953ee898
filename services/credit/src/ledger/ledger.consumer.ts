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
  householdContactsV1,
  organizationalLifeV1,
  pairingEventsV1,
  starRatingV1,
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
import { AttendanceLedgerService } from './attendance-ledger.service';
import { BonusLedgerService } from './bonus-ledger.service';
import { CheckInLedgerService } from './checkin-ledger.service';
import { HouseholdVisitLedgerService } from './household-visit-ledger.service';
import { StationVisitLedgerService } from './station-visit-ledger.service';

/**
 * The ledger consumers: check-ins (group `jiceng-credit-ledger`), station visits
 * (`-station-visits`), attendance (`-organizational-life`), the bonuses of published star
 * ratings (`-star-ratings`) and completed joint projects (`-joint-building`), and household
 * visits (`-household-contacts`). Station and household visits name every account they earn
 * and need no projection: their consumers start at once. The others start
 * once the projections have read their topics up to where they ended at start-up, so a fresh
 * database or a replay attributes claims with complete projections instead of parking most of
 * them. Each hands a partition's fetch to its batch handler, up to 500 events at a time (a
 * constant number of Mongo commands each); events it sets aside, or a batch that failed, go one
 * by one.
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
    private readonly attendance: AttendanceLedgerService,
    private readonly bonuses: BonusLedgerService,
    private readonly householdVisits: HouseholdVisitLedgerService,
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
      this.run(groupIds.householdContacts, householdContactsV1, {
        handler: (e) => this.householdVisits.handle(e),
        batchHandler: (events) => this.householdVisits.handleBatch(events),
      }),
      this.startCheckIns(groupIds),
    ]);
  }

  private async startCheckIns(groupIds: ReturnType<typeof consumerGroups>): Promise<void> {
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
    const checkIns = async () => {
      for (let i = 0; i < env.consumersPerGroup; i++)
        await this.run(groupIds.ledger, checkInReviewedV1, {
          handler: (e) => this.ledger.handle(e),
          batchHandler: (events) => this.ledger.handleBatch(events),
        });
    };
    // Attendance and bonuses also wait: a floating member's firm comes from the projects
    // projection, and a firm's tier from its project branches' joint-building bonuses. Their
    // groups join beside the check-ins', not after each of those consumers' rebalances.
    await Promise.all([
      checkIns(),
      this.run(groupIds.organizationalLife, organizationalLifeV1, {
        handler: (e) => this.attendance.handle(e),
        batchHandler: (events) => this.attendance.handleBatch(events),
      }),
      this.run(groupIds.starRatings, starRatingV1, {
        handler: async (e) => (await this.bonuses.handleRatings([e]))[0],
        batchHandler: (events) => this.bonuses.handleRatings(events),
      }),
      this.run(groupIds.jointBuilding, pairingEventsV1, {
        handler: async (e) => (await this.bonuses.handlePairings([e]))[0],
        batchHandler: (events) => this.bonuses.handlePairings(events),
      }),
    ]);
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
