import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { organizationalLifeV1, TOPIC_SPECS, type OrganizationalLifeV1 } from '@jiceng/events';
import { ensureTopics, IdempotentConsumer, KAFKA } from '@jiceng/kafka';
import { organizationalLifeEnv } from '../members.env';
import { MeetingTallies } from './meeting-tallies';

/**
 * Makes the tallies durable: every write tallies its meeting at once, and this consumer of the
 * service's own topic tallies it again from the stored meeting (events are triggers, carrying
 * ids only), so a crash between the meeting write and its tally loses nothing. Applying a
 * meeting is version-guarded, so duplicates change nothing.
 */
@Injectable()
export class MeetingTallyConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MeetingTallyConsumer.name);
  private consumer?: IdempotentConsumer<OrganizationalLifeV1>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly tallies: MeetingTallies,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, TOPIC_SPECS);
    this.consumer = new IdempotentConsumer(this.kafka, {
      groupId: organizationalLifeEnv().tallyGroup,
      contract: organizationalLifeV1,
      handler: async ({ data }) => {
        if (!data.meeting) return 'duplicate';
        await this.tallies.applyIds([data.meeting.meetingId]);
        return 'applied';
      },
      onProcessed: (result) => {
        if (result === 'dead-lettered')
          this.logger.warn('an organizational-life event was dead-lettered');
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
