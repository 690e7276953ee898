import { Types } from 'mongoose';
import { parseEvent, serviceRequestStepV1, SERVICE_REQUEST_EVENT_TYPES } from '@jiceng/events';
import { SERVICE_REQUEST_STEPS } from './service-request-steps';
import { SERVICE_REQUEST_EVENT_OF_STEP, serviceRequestRecord } from './service-request.events';

describe('service request events', () => {
  const request = {
    _id: new Types.ObjectId(),
    communityId: new Types.ObjectId(),
    source: null,
  };
  const at = new Date('2026-11-06T02:30:00.000Z');

  it('has one event type for the report and each step of the loop', () => {
    expect(Object.keys(SERVICE_REQUEST_EVENT_OF_STEP).sort()).toEqual(
      ['report', ...Object.keys(SERVICE_REQUEST_STEPS.steps)].sort(),
    );
    expect(Object.values(SERVICE_REQUEST_EVENT_OF_STEP).sort()).toEqual(
      [...SERVICE_REQUEST_EVENT_TYPES].sort(),
    );
  });

  it('keys a step by the request and carries ids only, the household visit when there is one', () => {
    const plain = serviceRequestRecord('accept', request, at);
    expect(plain.topic).toBe(serviceRequestStepV1.topic);
    expect(plain.key).toBe(String(request._id));
    expect(parseEvent(serviceRequestStepV1, plain.value).data).toEqual({
      requestId: String(request._id),
      communityId: String(request.communityId),
      at: at.toISOString(),
      source: null,
    });

    const gridId = new Types.ObjectId().toHexString();
    const source = {
      visitId: String(request._id),
      householdId: `${gridId}:${new Types.ObjectId().toHexString()}`,
      gridId,
      memberId: new Types.ObjectId().toHexString(),
    };
    const closed = parseEvent(
      serviceRequestStepV1,
      serviceRequestRecord('close', { ...request, source }, at).value,
    );
    expect(closed.type).toBe('jiceng.volunteering.service-request.closed');
    expect(closed.subject).toBe(String(request._id));
    expect(closed.data.source).toEqual(source);
  });
});
