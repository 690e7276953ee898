import type { Claims } from '@jiceng/auth';
import { managesPath } from '../member/member-access';
import { orgRef } from '../member/member.views';
import type { MemberAppraisal } from './appraisal.schema';
import type { BranchCompliance, ComplianceSummary } from './compliance';
import type { Meeting } from './meeting.schema';
import type { MemberMeetingYear } from './meeting-tally.schema';
import {
  APPRAISAL_GRADE_LABELS,
  ATTENDANCE_STATUS_LABELS,
  MEETING_KIND_LABELS,
  type AttendanceStatus,
  type MeetingKind,
} from './organizational-life.enums';

const count = (statuses: readonly AttendanceStatus[], status: AttendanceStatus) =>
  statuses.filter((s) => s === status).length;

const rate = (present: number, total: number) =>
  total ? Math.round((present / total) * 1000) / 1000 : null;

const kindOf = (kind: MeetingKind) => ({ kind, kindLabel: MEETING_KIND_LABELS[kind] });

export function meetingView(meeting: Meeting, claims: Claims) {
  // Leave reasons may be about health or family: only those who record them see them.
  const seesReasons = managesPath(claims, meeting.organizationPath);
  const statuses = meeting.attendance.map((a) => a.status);
  return {
    id: String(meeting._id),
    organization: orgRef(meeting.organizationId),
    ...kindOf(meeting.kind),
    heldOn: meeting.heldOn,
    place: meeting.place,
    topic: meeting.topic,
    leader: meeting.leader,
    minutes: meeting.minutes ?? null,
    attendance: meeting.attendance.map((a) => ({
      id: String(a._id),
      memberId: String(a.memberId),
      homeOrganization: orgRef(a.homeOrganizationId),
      floating: a.floating,
      status: a.status,
      statusLabel: ATTENDANCE_STATUS_LABELS[a.status],
      reason: seesReasons ? (a.reason ?? null) : null,
      version: a.version,
      corrections: a.corrections.map((c) => ({
        from: c.from,
        fromLabel: ATTENDANCE_STATUS_LABELS[c.from],
        to: c.to,
        toLabel: ATTENDANCE_STATUS_LABELS[c.to],
        note: c.note,
        at: c.at,
      })),
    })),
    present: count(statuses, 'PRESENT'),
    onLeave: count(statuses, 'ON_LEAVE'),
    absent: count(statuses, 'ABSENT'),
    version: meeting.version,
    recordedAt: meeting.createdAt,
  };
}

export function attendanceYearView(year: number, doc: MemberMeetingYear | null) {
  const entries = Object.entries(doc?.entries ?? {})
    .map(([id, e]) => ({
      id,
      meetingId: e.meetingId,
      organization: orgRef(e.organizationId),
      ...kindOf(e.kind),
      heldOn: e.heldOn,
      status: e.status,
      statusLabel: ATTENDANCE_STATUS_LABELS[e.status],
      floating: e.floating,
      version: e.version,
    }))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const statuses = entries.map((e) => e.status);
  const present = count(statuses, 'PRESENT');
  return {
    year,
    present,
    onLeave: count(statuses, 'ON_LEAVE'),
    absent: count(statuses, 'ABSENT'),
    attendanceRate: rate(present, entries.length),
    entries,
  };
}

export function appraisalView(a: MemberAppraisal) {
  return {
    year: a.year,
    grade: a.grade,
    gradeLabel: APPRAISAL_GRADE_LABELS[a.grade],
    decision: a.decision,
    decidedOn: a.decidedOn,
    organization: orgRef(a.organizationId),
    version: a.version,
  };
}

export function branchComplianceView(b: BranchCompliance) {
  return {
    ...b,
    organization: orgRef(b.organizationId),
    kinds: b.kinds.map((k) => ({ ...k, kindLabel: MEETING_KIND_LABELS[k.kind] })),
    missingLabels: b.missing.map((k) => MEETING_KIND_LABELS[k]),
  };
}

export function summaryView(s: ComplianceSummary) {
  return {
    ...s,
    byKind: s.byKind.map((k) => ({ ...k, kindLabel: MEETING_KIND_LABELS[k.kind] })),
  };
}
