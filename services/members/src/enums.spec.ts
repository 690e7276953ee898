import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  DOUBLE_REPORT_KIND_LABELS,
  GENDERS,
  GENDER_LABELS,
  MEMBER_STATUSES,
  MEMBER_STATUS_LABELS,
  TRANSFER_STATE_LABELS,
} from './member/member.enums';
import {
  HOUSEHOLD_CONTACT_DUTIES,
  HOUSEHOLD_CONTACT_DUTY_LABELS,
  HOUSEHOLD_DUTY_STATUSES,
  HOUSEHOLD_DUTY_STATUS_LABELS,
  HOUSEHOLD_PROBLEM_CATEGORIES,
  HOUSEHOLD_PROBLEM_CATEGORY_LABELS,
} from './household-contacts/household-contacts.enums';
import {
  APPRAISAL_GRADES,
  APPRAISAL_GRADE_LABELS,
  ATTENDANCE_STATUSES,
  ATTENDANCE_STATUS_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
} from './organizational-life/organizational-life.enums';

// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    MemberStatus: { values: MEMBER_STATUSES, labels: MEMBER_STATUS_LABELS },
    Gender: { values: GENDERS, labels: GENDER_LABELS },
    AgeBand: { values: AGE_BANDS, labels: AGE_BAND_LABELS },
    TransferState: { labels: TRANSFER_STATE_LABELS },
    DoubleReportKind: { labels: DOUBLE_REPORT_KIND_LABELS },
    MeetingKind: { values: MEETING_KINDS, labels: MEETING_KIND_LABELS },
    AttendanceStatus: { values: ATTENDANCE_STATUSES, labels: ATTENDANCE_STATUS_LABELS },
    AppraisalGrade: { values: APPRAISAL_GRADES, labels: APPRAISAL_GRADE_LABELS },
    HouseholdContactDuty: {
      values: HOUSEHOLD_CONTACT_DUTIES,
      labels: HOUSEHOLD_CONTACT_DUTY_LABELS,
    },
    HouseholdProblemCategory: {
      values: HOUSEHOLD_PROBLEM_CATEGORIES,
      labels: HOUSEHOLD_PROBLEM_CATEGORY_LABELS,
    },
    HouseholdDutyStatus: { values: HOUSEHOLD_DUTY_STATUSES, labels: HOUSEHOLD_DUTY_STATUS_LABELS },
  },
  withoutTs: {
    TransferDirection: 'an argument of Organization.pendingTransfers, never stored nor labelled',
  },
};

describeEnumSources('members', __dirname, ENUMS);
