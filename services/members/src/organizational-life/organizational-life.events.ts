import {
  createEvent,
  organizationalLifeV1,
  type AttendanceFactV1,
  type AttendanceStatusV1,
} from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { MemberAppraisal } from './appraisal.schema';
import type { AttendanceRecord, Meeting } from './meeting.schema';
import type { AppraisalGrade } from './organizational-life.enums';

const fact = (
  a: AttendanceRecord,
  previousStatus: AttendanceStatusV1 | null,
): AttendanceFactV1 => ({
  attendanceId: String(a._id),
  version: a.version,
  memberId: String(a.memberId),
  homeOrganizationId: String(a.homeOrganizationId),
  floating: a.floating,
  status: a.status,
  previousStatus,
});

const meetingRef = (m: Meeting) => ({
  meetingId: String(m._id),
  version: m.version,
  organizationId: String(m.organizationId),
  kind: m.kind,
  heldOn: m.heldOn,
});

/** The recorded meeting with every attendance fact; keyed by the meeting. */
export function meetingRecordedRecord(meeting: Meeting): OutboxRecord {
  const event = createEvent(organizationalLifeV1, {
    type: 'jiceng.members.meeting.recorded',
    subject: String(meeting._id),
    data: {
      meeting: meetingRef(meeting),
      attendance: meeting.attendance.map((a) => fact(a, null)),
      recordedAt: meeting.createdAt.toISOString(),
    },
  });
  return outboxRecord(organizationalLifeV1.topic, event);
}

/** One corrected attendance fact (its new version and the status it replaces). */
export function attendanceCorrectedRecord(
  meeting: Meeting,
  corrected: AttendanceRecord,
  previousStatus: AttendanceStatusV1,
): OutboxRecord {
  const event = createEvent(organizationalLifeV1, {
    type: 'jiceng.members.attendance.corrected',
    subject: String(meeting._id),
    data: {
      meeting: meetingRef(meeting),
      attendance: [fact(corrected, previousStatus)],
      recordedAt: meeting.updatedAt.toISOString(),
    },
  });
  return outboxRecord(organizationalLifeV1.topic, event);
}

export function appraisalRecord(
  appraisal: MemberAppraisal,
  previousGrade: AppraisalGrade | null,
): OutboxRecord {
  const event = createEvent(organizationalLifeV1, {
    type: 'jiceng.members.appraisal.recorded',
    subject: String(appraisal.memberId),
    data: {
      appraisal: {
        memberId: String(appraisal.memberId),
        organizationId: String(appraisal.organizationId),
        year: appraisal.year,
        version: appraisal.version,
        grade: appraisal.grade,
        previousGrade,
        decidedOn: appraisal.decidedOn,
      },
      recordedAt: appraisal.updatedAt.toISOString(),
    },
  });
  return outboxRecord(organizationalLifeV1.topic, event);
}
