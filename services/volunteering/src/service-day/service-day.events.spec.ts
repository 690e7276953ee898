import { parseEvent, serviceDayV1, checkInReviewedV1 } from '@jiceng/events';
import { Types } from 'mongoose';
import { attendancePayload, attendanceRecord, serviceDayRecord } from './service-day.events';

const day = {
  _id: new Types.ObjectId(),
  branchId: new Types.ObjectId(),
  communityId: new Types.ObjectId(),
  date: '2026-11-05',
  startTime: '08:30',
  pointsPerVolunteer: 5,
};
const attendance = { _id: new Types.ObjectId(), memberId: new Types.ObjectId(), minutes: 90 };
const signedOffAt = new Date('2026-11-05T06:00:00.000Z');

describe('service day events', () => {
  it('scores an attendance like a task claim: the day is the task, the sign-off the review', () => {
    expect(attendancePayload(day, attendance, signedOffAt)).toEqual({
      claimId: String(attendance._id),
      taskId: String(day._id),
      communityId: String(day.communityId),
      claimantKind: 'MEMBER',
      memberId: String(attendance.memberId),
      organizationId: null,
      taskCategory: 'SERVICE_DAY',
      taskPoints: 5,
      durationMinutes: 90,
      // 08:30 in Shanghai, for the minutes served.
      checkedInAt: '2026-11-05T00:30:00.000Z',
      checkedOutAt: '2026-11-05T02:00:00.000Z',
      reviewedAt: '2026-11-05T06:00:00.000Z',
    });
  });

  it('writes records the contracts accept, keyed by the attendance and by the day', () => {
    const checkIn = attendanceRecord(day, attendance, signedOffAt);
    expect(checkIn).toMatchObject({ topic: checkInReviewedV1.topic, key: String(attendance._id) });
    expect(parseEvent(checkInReviewedV1, Buffer.from(checkIn.value)).type).toBe(
      'jiceng.volunteering.checkin.approved',
    );
    const signed = serviceDayRecord(day, 'SIGNED_OFF', signedOffAt);
    expect(signed).toMatchObject({ topic: serviceDayV1.topic, key: String(day._id) });
    expect(parseEvent(serviceDayV1, Buffer.from(signed.value)).data).toMatchObject({
      state: 'SIGNED_OFF',
      date: '2026-11-05',
      communityId: String(day.communityId),
    });
  });

  it('keys a branch under no community by the branch, as the check-ins contract needs an id', () => {
    const lone = { ...day, communityId: null };
    expect(attendancePayload(lone, attendance, signedOffAt).communityId).toBe(String(day.branchId));
    expect(() =>
      serviceDayRecord({ ...day, date: '2026-11-06' }, 'PLANNED', signedOffAt),
    ).toThrow();
  });
});
