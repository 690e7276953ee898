import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { organizationalLifeV1, type OrganizationalLifeV1 } from '@jiceng/events';
import { KAFKA, LifecycleConsumer } from '@jiceng/kafka';
import { organizationalLifeEnv } from '../members.env';
import { MeetingTallies } from './meeting-tallies';

/**
 * Makes the tallies durable: every write tallies its meeting at once, and this consumer of the
 * service's own topic tallies it again from the stored meeting (events are triggers, carrying
 * ids only), so a crash between the meeting write and its tally loses nothing. Applying a
 * meeting is version-guarded, so duplicates change nothing.
 */
@Injectable()
export class MeetingTallyConsumer extends LifecycleConsumer<OrganizationalLifeV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly tallies: MeetingTallies,
  ) {
    super(kafka, 'an organizational-life event');
  }

  protected consumerOptions() {
    return {
      groupId: organizationalLifeEnv().tallyGroup,
      contract: organizationalLifeV1,
      handler: async ({ data }: { data: OrganizationalLifeV1 }) => {
        if (!data.meeting) return 'duplicate' as const;
        await this.tallies.applyIds([data.meeting.meetingId]);
        return 'applied' as const;
      },
    };
  }
}
