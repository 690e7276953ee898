import {
  MEETING_KIND_LABELS,
  type APPRAISAL_GRADES_V1,
  type ATTENDANCE_STATUSES_V1,
} from '@jiceng/events';

// The codes are the event contract's (credit meets them as codes). The meeting kinds' labels are
// there too, since credit labels its points per kind; the other labels are this subgraph's.
// `satisfies` keeps codes and labels one set.

export { MEETING_KIND_LABELS };
export type MeetingKind = keyof typeof MEETING_KIND_LABELS;
export const MEETING_KINDS = Object.keys(MEETING_KIND_LABELS) as MeetingKind[];

export const ATTENDANCE_STATUS_LABELS = {
  PRESENT: '出席',
  ON_LEAVE: '请假',
  ABSENT: '缺席',
} as const satisfies Record<(typeof ATTENDANCE_STATUSES_V1)[number], string>;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUS_LABELS;
export const ATTENDANCE_STATUSES = Object.keys(ATTENDANCE_STATUS_LABELS) as AttendanceStatus[];

/** 民主评议党员: the four grades. */
export const APPRAISAL_GRADE_LABELS = {
  GOOD: '好',
  FAIRLY_GOOD: '较好',
  AVERAGE: '一般',
  POOR: '差',
} as const satisfies Record<(typeof APPRAISAL_GRADES_V1)[number], string>;
export type AppraisalGrade = keyof typeof APPRAISAL_GRADE_LABELS;
export const APPRAISAL_GRADES = Object.keys(APPRAISAL_GRADE_LABELS) as AppraisalGrade[];

/** The organizations that hold meetings and are held to the rhythm: branches (党支部) of every kind. */
export const MEETING_ORGANIZATION_KINDS: readonly string[] = [
  'BRANCH',
  'TEMPORARY_BRANCH',
  'MOBILE_BRANCH',
];

/** Who attends: full and probationary members (the branch's 党员). */
export const ATTENDING_STATUSES: readonly string[] = ['PROBATIONARY', 'FULL'];
