import {
  checkInReviewedV1,
  createEvent,
  serviceDayV1,
  type CheckInReviewedV1,
  type ServiceDayEventType,
} from '@jiceng/events';
import { shanghaiInstant } from '@jiceng/calendar';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import { SERVICE_DAY_TASK_CATEGORY } from './service-day.enums';
import type { Attendance, ServiceDay } from './service-day.schema';
import type { ServiceDayState } from './service-day-steps';

const TYPE_OF_STATE: Record<ServiceDayState, ServiceDayEventType> = {
  PLANNED: 'jiceng.volunteering.service-day.planned',
  HELD: 'jiceng.volunteering.service-day.held',
  SIGNED_OFF: 'jiceng.volunteering.service-day.signed-off',
  CANCELLED: 'jiceng.volunteering.service-day.cancelled',
};

type DayIds = Pick<ServiceDay, '_id' | 'branchId' | 'communityId' | 'date'>;

/** The day's own event on entering `state`, keyed by the day id. */
export function serviceDayRecord(day: DayIds, state: ServiceDayState, at: Date): OutboxRecord {
  const event = createEvent(serviceDayV1, {
    type: TYPE_OF_STATE[state],
    subject: String(day._id),
    time: at,
    data: {
      serviceDayId: String(day._id),
      branchId: String(day.branchId),
      communityId: day.communityId ? String(day.communityId) : null,
      date: day.date,
      state,
      occurredAt: at.toISOString(),
    },
  });
  return outboxRecord(serviceDayV1.topic, event);
}

type SignedDay = DayIds & Pick<ServiceDay, 'startTime' | 'pointsPerVolunteer'>;

/**
 * A volunteer's attendance as a reviewed check-in: the credit ledger scores it like a task's
 * claim (the attendance id is the claim id, the day the task, the sign-off the review), so points
 * need no change in credit. A member's attendance only: units earn through their members (双报到).
 */
export function attendancePayload(
  day: SignedDay,
  attendance: Pick<Attendance, '_id' | 'memberId' | 'minutes'>,
  signedOffAt: Date,
): CheckInReviewedV1 {
  const checkedInAt = shanghaiInstant(
    day.date,
    Number(day.startTime.slice(0, 2)),
    Number(day.startTime.slice(3)),
  );
  return {
    claimId: String(attendance._id),
    taskId: String(day._id),
    communityId: String(day.communityId ?? day.branchId),
    claimantKind: 'MEMBER',
    memberId: String(attendance.memberId),
    organizationId: null,
    taskCategory: SERVICE_DAY_TASK_CATEGORY,
    taskPoints: day.pointsPerVolunteer,
    durationMinutes: attendance.minutes,
    checkedInAt: checkedInAt.toISOString(),
    checkedOutAt: new Date(checkedInAt.getTime() + attendance.minutes * 60_000).toISOString(),
    reviewedAt: signedOffAt.toISOString(),
  };
}

export function attendanceRecord(
  day: SignedDay,
  attendance: Pick<Attendance, '_id' | 'memberId' | 'minutes'>,
  signedOffAt: Date,
): OutboxRecord {
  const event = createEvent(checkInReviewedV1, {
    type: 'jiceng.volunteering.checkin.approved',
    subject: String(attendance._id),
    time: signedOffAt,
    data: attendancePayload(day, attendance, signedOffAt),
  });
  return outboxRecord(checkInReviewedV1.topic, event);
}
