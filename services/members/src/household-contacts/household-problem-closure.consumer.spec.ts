import { Types } from 'mongoose';
import type { Kafka } from 'kafkajs';
import {
  createEvent,
  serviceRequestStepV1,
  type ServiceRequestEventType,
  type ServiceRequestStepV1,
} from '@jiceng/events';
import { HouseholdProblemClosureConsumer } from './household-problem-closure.consumer';
import type { HouseholdVisitsService } from './household-visits.service';

describe('HouseholdProblemClosureConsumer', () => {
  const solved: unknown[][] = [];
  const visits = {
    solvedByServiceRequest: async (requestId: string, visitId: string, at: Date) => {
      solved.push([requestId, visitId, at]);
      return solved.length === 1;
    },
  } as unknown as HouseholdVisitsService;
  const consumer = new HouseholdProblemClosureConsumer({} as Kafka, visits);
  const id = () => new Types.ObjectId().toHexString();
  const gridId = id();
  const requestId = id();
  const source = { visitId: requestId, householdId: `${gridId}:${id()}`, gridId, memberId: id() };
  const event = (type: ServiceRequestEventType, data: Partial<ServiceRequestStepV1> = {}) =>
    createEvent(serviceRequestStepV1, {
      type,
      subject: requestId,
      data: { requestId, communityId: id(), at: '2026-11-06T02:30:00.000Z', source, ...data },
    });

  it("marks the visit's problem solved on its request's closing, once", async () => {
    expect(await consumer.apply(event('jiceng.volunteering.service-request.closed'))).toBe(
      'applied',
    );
    expect(solved).toEqual([[requestId, requestId, new Date('2026-11-06T02:30:00.000Z')]]);
    expect(await consumer.apply(event('jiceng.volunteering.service-request.closed'))).toBe(
      'duplicate',
    );
  });

  it('leaves other steps and requests reported in a community alone', async () => {
    solved.length = 0;
    expect(await consumer.apply(event('jiceng.volunteering.service-request.accepted'))).toBe(
      'duplicate',
    );
    expect(
      await consumer.apply(event('jiceng.volunteering.service-request.closed', { source: null })),
    ).toBe('duplicate');
    expect(solved).toEqual([]);
  });
});
