import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { memberLifecycleV1, parseEvent, TOPIC_SPECS } from '@jiceng/events';
import { readSettings } from '@jiceng/config';
import { ensureTopics, KAFKA } from '@jiceng/kafka';
import { MEMBERS_SETTINGS, perDatabaseGroup } from '../members.env';
import { CounterSync } from './counter-sync';
import { countEverything, dropReadModel, isReadModelBuilt } from './rebuild';

/** The counters' consumer group: one per members database (a test database gets its own). */
export function countersGroup(env: NodeJS.ProcessEnv = process.env): string {
  const named = readSettings({ group: MEMBERS_SETTINGS.countersGroup }, env).group;
  return perDatabaseGroup(named, 'jiceng-members-counters', env);
}

/**
 * Keeps the counters from this service's own lifecycle topic. Events are triggers only (they
 * carry ids, no personal data): each batch names its members and unit registrations, whose
 * current documents are counted in one projector call, so a batch of any size costs a constant
 * number of round trips, and duplicates or out-of-order events change nothing. Offsets are
 * committed after the batch is counted. Writes count their own change at once (CounterSync.
 * afterWrite); this consumer is what makes that durable across a crash.
 *
 * At start, a read model that was never completed (a new database, a new key schema, a rebuild
 * that died) is rebuilt from the members themselves before the service serves.
 */
@Injectable()
export class CounterFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CounterFeed.name);
  private consumer?: Consumer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly sync: CounterSync,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rebuildIfMissing();
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.consumer = this.kafka.consumer({
      groupId: countersGroup(),
      allowAutoTopicCreation: false,
    });
    await this.consumer.connect();
    // Changes before the group's first start are in the rebuild or were counted by their write.
    await this.consumer.subscribe({ topic: memberLifecycleV1.topic, fromBeginning: false });
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, heartbeat }) => {
        const members: string[] = [];
        const unitReports: string[] = [];
        for (const message of batch.messages) {
          try {
            const { data } = parseEvent(memberLifecycleV1, message.value);
            if (data.member) members.push(data.member.memberId);
            if (data.unitReport) unitReports.push(data.unitReport.reportId);
          } catch (error) {
            // Our own topic: a message we cannot read would be a bug, and it can lose no count
            // (the next change of that member, or a rebuild, counts its state).
            this.logger.warn(`skipped an unreadable lifecycle message: ${String(error)}`);
          }
        }
        await this.sync.syncMembers(members);
        await this.sync.syncUnitReports(unitReports);
        const last = batch.messages[batch.messages.length - 1];
        if (last)
          await this.consumer!.commitOffsets([
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: (BigInt(last.offset) + 1n).toString(),
            },
          ]);
        await heartbeat();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async rebuildIfMissing(): Promise<void> {
    const connection = this.sync.connection;
    if (await isReadModelBuilt(connection)) return;
    const started = Date.now();
    this.logger.log('member counters missing or outdated: rebuilding them from the members');
    await dropReadModel(connection);
    const counted = await countEverything(connection, this.sync.sources, (line) =>
      this.logger.log(line),
    );
    this.logger.log(`member counters rebuilt: ${counted} documents in ${Date.now() - started} ms`);
  }
}
