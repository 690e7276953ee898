import { createEvent, serviceRequestStepV1, type ServiceRequestEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { ServiceRequestStep } from './service-request-steps';
import type { ServiceRequest } from './service-request.schema';

/** The event of each step of the loop, and of the report that starts it. */
export const SERVICE_REQUEST_EVENT_OF_STEP = {
  report: 'jiceng.volunteering.service-request.reported',
  accept: 'jiceng.volunteering.service-request.accepted',
  decline: 'jiceng.volunteering.service-request.declined',
  respond: 'jiceng.volunteering.service-request.responded',
  close: 'jiceng.volunteering.service-request.closed',
  evaluate: 'jiceng.volunteering.service-request.evaluated',
} as const satisfies Record<ServiceRequestStep | 'report', ServiceRequestEventType>;

/**
 * The outbox record of one step, keyed by request id so a request's steps keep their order. Ids
 * only, with the household visit the request was opened from: members counts that visit's
 * problem solved on `closed`.
 */
export function serviceRequestRecord(
  step: keyof typeof SERVICE_REQUEST_EVENT_OF_STEP,
  request: Pick<ServiceRequest, '_id' | 'communityId' | 'source'>,
  at: Date,
): OutboxRecord {
  const { source } = request;
  const event = createEvent(serviceRequestStepV1, {
    type: SERVICE_REQUEST_EVENT_OF_STEP[step],
    subject: String(request._id),
    data: {
      requestId: String(request._id),
      communityId: String(request.communityId),
      at: at.toISOString(),
      source: source
        ? {
            visitId: source.visitId,
            householdId: source.householdId,
            gridId: source.gridId,
            memberId: source.memberId,
          }
        : null,
    },
  });
  return outboxRecord(serviceRequestStepV1.topic, event);
}
