import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { householdContactsV1, type HouseholdContactsV1 } from '@jiceng/events';
import { KAFKA, LifecycleConsumer } from '@jiceng/kafka';
import { householdContactsGroup } from '../members.env';
import { HouseholdTallies } from './household-tallies';

/**
 * Makes the tallies durable: every write tallies at once, and this consumer of the service's own
 * topic tallies again from the stored visit or roster (events are triggers, carrying ids only),
 * so a crash between a write and its tally loses nothing. Visits are version-guarded and roster
 * entries only added, so duplicates change nothing.
 */
@Injectable()
export class HouseholdTallyConsumer extends LifecycleConsumer<HouseholdContactsV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly tallies: HouseholdTallies,
  ) {
    super(kafka, 'a household-contacts event');
  }

  protected consumerOptions() {
    return {
      groupId: householdContactsGroup(),
      contract: householdContactsV1,
      handler: async ({ data }: { data: HouseholdContactsV1 }) => {
        if (data.visit) await this.tallies.applyVisitIds([data.visit.visitId]);
        else if (data.household) await this.tallies.applyRosterIds([data.household.gridId]);
        else return 'duplicate' as const;
        return 'applied' as const;
      },
    };
  }
}
