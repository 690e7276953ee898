import { WORK_CALENDAR_DAY_KINDS } from '@jiceng/calendar';
import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import { EVIDENCE_KIND_LABELS } from './check-in/evidence';
import { CLAIMANT_KINDS, CLAIMANT_KIND_LABELS, REVIEW_DECISION_LABELS } from './claim/claim.enums';
import { WISHER_KINDS, WISHER_KIND_LABELS } from './micro-wish/micro-wish.enums';
import {
  SATISFACTIONS,
  SATISFACTION_LABELS,
  SERVICE_REQUEST_CATEGORIES,
  SERVICE_REQUEST_CATEGORY_LABELS,
  SERVICE_REQUEST_CHANNELS,
  SERVICE_REQUEST_CHANNEL_LABELS,
} from './service-request/service-request.enums';
import {
  TASK_AUDIENCES,
  TASK_AUDIENCE_LABELS,
  TASK_CATEGORIES,
  TASK_CATEGORY_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
} from './task/task.enums';
import { CLAIM_STEPS } from './claim/claim-steps';
import { MICRO_WISH_STEPS } from './micro-wish/micro-wish-steps';
import { SERVICE_REQUEST_STEPS } from './service-request/service-request-steps';
import {
  AGREEMENT_PARTY_KINDS,
  AGREEMENT_PARTY_KIND_LABELS,
  STALL_KINDS,
  STALL_KIND_LABELS,
} from './service-day/service-day.enums';
import { SERVICE_DAY_STEPS } from './service-day/service-day-steps';
import { WORK_CALENDAR_DAY_KIND_LABELS } from './work-calendar/work-calendar.enums';
import { WHISTLE_CATEGORIES, WHISTLE_CATEGORY_LABELS } from './whistle/whistle.enums';
import { WHISTLE_REPORT_STEPS, WHISTLE_STEPS } from './whistle/whistle-steps';
// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    VolunteerTaskCategory: { values: TASK_CATEGORIES, labels: TASK_CATEGORY_LABELS },
    VolunteerTaskAudience: { values: TASK_AUDIENCES, labels: TASK_AUDIENCE_LABELS },
    VolunteerTaskStatus: { values: TASK_STATUSES, labels: TASK_STATUS_LABELS },
    ClaimState: { values: CLAIM_STEPS.states, labels: CLAIM_STEPS.labels },
    ClaimantKind: { values: CLAIMANT_KINDS, labels: CLAIMANT_KIND_LABELS },
    CheckInEvidenceKind: { labels: EVIDENCE_KIND_LABELS },
    ClaimReviewDecision: { labels: REVIEW_DECISION_LABELS },
    MicroWishState: { values: MICRO_WISH_STEPS.states, labels: MICRO_WISH_STEPS.labels },
    MicroWishWisherKind: { values: WISHER_KINDS, labels: WISHER_KIND_LABELS },
    ServiceRequestState: {
      values: SERVICE_REQUEST_STEPS.states,
      labels: SERVICE_REQUEST_STEPS.labels,
    },
    ServiceRequestCategory: {
      values: SERVICE_REQUEST_CATEGORIES,
      labels: SERVICE_REQUEST_CATEGORY_LABELS,
    },
    ServiceRequestChannel: {
      values: SERVICE_REQUEST_CHANNELS,
      labels: SERVICE_REQUEST_CHANNEL_LABELS,
    },
    ServiceRequestSatisfaction: { values: SATISFACTIONS, labels: SATISFACTION_LABELS },
    ServiceDayState: { values: SERVICE_DAY_STEPS.states, labels: SERVICE_DAY_STEPS.labels },
    ServiceDayStallKind: { values: STALL_KINDS, labels: STALL_KIND_LABELS },
    ServiceAgreementPartyKind: {
      values: AGREEMENT_PARTY_KINDS,
      labels: AGREEMENT_PARTY_KIND_LABELS,
    },
    WhistleState: { values: WHISTLE_STEPS.states, labels: WHISTLE_STEPS.labels },
    WhistleReportState: {
      values: WHISTLE_REPORT_STEPS.states,
      labels: WHISTLE_REPORT_STEPS.labels,
    },
    WhistleCategory: { values: WHISTLE_CATEGORIES, labels: WHISTLE_CATEGORY_LABELS },
    WorkCalendarDayKind: {
      values: WORK_CALENDAR_DAY_KINDS,
      labels: WORK_CALENDAR_DAY_KIND_LABELS,
      inputOnly: { NORMAL: 'setWorkCalendarDay removes the exception; no day is stored NORMAL' },
    },
  },
};

describeEnumSources('volunteering', __dirname, ENUMS);
