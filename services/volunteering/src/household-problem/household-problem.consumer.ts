import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  householdContactsV1,
  type CloudEvent,
  type HouseholdContactEventType,
  type HouseholdContactsV1,
} from '@jiceng/events';
import { KAFKA, LifecycleConsumer, type HandlerOutcome } from '@jiceng/kafka';
import { OrgProjectionService } from '@jiceng/org-projection';
import { ServiceRequestService } from '../service-request/service-request.service';
import { volunteeringEnv } from '../volunteering.env';
import { communityOfGrid, requestOfVisit } from './household-problem.mapping';

const RECORDED: HouseholdContactEventType = 'jiceng.members.household-visit.recorded';

/** Who the request's first step names: the members subgraph's visit, not a person here. */
export const HOUSEHOLD_VISIT_REPORTER = 'members:household-visit';

/**
 * 党员联系户 → 群众诉求: a recorded visit that found a problem opens a service request (channel
 * 走访发现) in the community above the visit's grid, through the service requests' own create
 * path. The request's `_id` is the visit's, so a redelivery (or a replay) opens nothing new.
 */
@Injectable()
export class HouseholdProblemConsumer extends LifecycleConsumer<HouseholdContactsV1> {
  private readonly log = new Logger(HouseholdProblemConsumer.name);

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly orgs: OrgProjectionService,
    private readonly requests: ServiceRequestService,
  ) {
    super(kafka, 'a household-contact event');
  }

  protected consumerOptions() {
    return {
      groupId: volunteeringEnv().householdProblemGroup,
      contract: householdContactsV1,
      handler: (event: CloudEvent<HouseholdContactsV1>) => this.apply(event),
    };
  }

  async apply(event: CloudEvent<HouseholdContactsV1>): Promise<HandlerOutcome> {
    const visit = event.data.visit;
    // Households and solved problems (version 2) open nothing; nor does a visit without one.
    if (event.type !== RECORDED || !visit?.problem) return 'duplicate';
    const grid = await this.orgs.get(visit.gridId);
    if (!grid) {
      // A grid this deployment's projection has never seen: the members subgraph checked it
      // against the same organization topic, so it is another deployment's (a shared test
      // topic) rather than a lag worth a dead letter.
      this.log.warn(`visit ${visit.visitId}: grid ${visit.gridId} is not a known organization`);
      return 'duplicate';
    }
    const community = communityOfGrid(
      grid,
      await this.orgs.findByIds(grid.ancestorIds.map(String)),
    );
    if (!community) {
      this.log.warn(
        `visit ${visit.visitId}: grid ${visit.gridId} has no active community above it`,
      );
      return 'duplicate';
    }
    const request = requestOfVisit(visit, community, new Date(event.data.recordedAt));
    if (!request) return 'duplicate';
    const opened = await this.requests.openFromHouseholdVisit(request, HOUSEHOLD_VISIT_REPORTER);
    return opened ? 'applied' : 'duplicate';
  }
}
