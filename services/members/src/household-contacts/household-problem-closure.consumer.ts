import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  serviceRequestStepV1,
  type CloudEvent,
  type ServiceRequestEventType,
  type ServiceRequestStepV1,
} from '@jiceng/events';
import { KAFKA, LifecycleConsumer, type HandlerOutcome } from '@jiceng/kafka';
import { householdProblemGroup } from '../members.env';
import { HouseholdVisitsService } from './household-visits.service';

const CLOSED: ServiceRequestEventType = 'jiceng.volunteering.service-request.closed';

/**
 * The way back of a visit's problem: volunteering opened a service request from it (走访发现)
 * and, once the community closes it (核查结案), the problem counts as solved here, in the
 * figures (problemsSolved) and on the visit. The visit's version guards the write, so a
 * redelivery finds it solved and changes nothing.
 */
@Injectable()
export class HouseholdProblemClosureConsumer extends LifecycleConsumer<ServiceRequestStepV1> {
  constructor(
    @Inject(KAFKA) kafka: Kafka,
    private readonly visits: HouseholdVisitsService,
  ) {
    super(kafka, 'a service request event');
  }

  protected consumerOptions() {
    return {
      groupId: householdProblemGroup(),
      contract: serviceRequestStepV1,
      handler: (event: CloudEvent<ServiceRequestStepV1>) => this.apply(event),
    };
  }

  async apply({ type, data }: CloudEvent<ServiceRequestStepV1>): Promise<HandlerOutcome> {
    if (type !== CLOSED || !data.source) return 'duplicate';
    const solved = await this.visits.solvedByServiceRequest(
      data.requestId,
      data.source.visitId,
      new Date(data.at),
    );
    return solved ? 'applied' : 'duplicate';
  }
}
