import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import {
  AGREEMENT_PARTY_KINDS,
  STALL_KINDS,
  type AgreementPartyKind,
  type StallKind,
} from './service-day.enums';
import { SERVICE_DAY_STEPS, type ServiceDayState } from './service-day-steps';

export const SERVICE_DAY_MODEL = 'ServiceDay';
export const SERVICE_DAY_TALLY_MODEL = 'ServiceDayTally';

/** 摊位: one service of the day, run by a unit or by a 帮帮团. */
export interface Stall {
  _id: Types.ObjectId;
  kind: StallKind;
  title: string;
  unitId: Types.ObjectId | null;
  helpTeamId: Types.ObjectId | null;
}

/** 服务协议: signed with the branch by a unit, a member or a 帮帮团 for the day. */
export interface ServiceAgreement {
  _id: Types.ObjectId;
  partyKind: AgreementPartyKind;
  partyId: Types.ObjectId;
  signedAt: Date;
  recordedBy: string;
}

/** 志愿者考勤: its `_id` is the claim id the credit ledger knows the attendance by. */
export interface Attendance {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  unitId: Types.ObjectId | null;
  stallId: Types.ObjectId | null;
  minutes: number;
  recordedAt: Date;
  recordedBy: string;
}

/** A problem collected at a stall: a service request of the five-step loop. */
export interface CollectedProblem {
  requestId: Types.ObjectId;
  stallId: Types.ObjectId | null;
  collectedAt: Date;
}

/** 服务项目数、受益者人数、群众满意度 as the branch records them (volunteers are counted). */
export interface ServiceDayFigures {
  services: number;
  beneficiaries: number;
  /** Percent, two decimals (满意度达95.29%). */
  satisfaction: number;
  recordedAt: Date;
  recordedBy: string;
}

export interface ServiceDayStepRecord {
  state: ServiceDayState;
  at: Date;
  by: string;
  note?: string | null;
}

/** 德邻有约: a grid or compound branch's monthly service day. */
export interface ServiceDay {
  _id: Types.ObjectId;
  branchId: Types.ObjectId;
  /** The community (社区) or village above the branch: its service requests' owner. */
  communityId: Types.ObjectId | null;
  /** The branch and every organization above it, root first: where the figures roll up. */
  path: Types.ObjectId[];
  date: string;
  month: string;
  theme: string;
  startTime: string;
  endTime: string;
  pointsPerVolunteer: number;
  state: ServiceDayState;
  stalls: Stall[];
  agreements: ServiceAgreement[];
  attendance: Attendance[];
  problems: CollectedProblem[];
  figures: ServiceDayFigures | null;
  cancelReason?: string | null;
  /** Set once the signed-off figures are in the read models (see ServiceDayStatsService). */
  talliedAt?: Date | null;
  history: ServiceDayStepRecord[];
  version: number;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const id = { type: Schema.Types.ObjectId, default: null };
const sub = <T>(def: Record<string, unknown>) => new Schema<T>(def, { _id: false });

export const serviceDaySchema = new Schema<ServiceDay>(
  {
    branchId: { type: Schema.Types.ObjectId, required: true },
    communityId: id,
    path: { type: [Schema.Types.ObjectId], required: true },
    date: { type: String, required: true },
    month: { type: String, required: true },
    theme: { type: String, required: true },
    startTime: { type: String, required: true },
    endTime: { type: String, required: true },
    pointsPerVolunteer: { type: Number, required: true },
    state: { type: String, enum: SERVICE_DAY_STEPS.states, required: true },
    stalls: [
      new Schema<Stall>({
        kind: { type: String, enum: STALL_KINDS, required: true },
        title: { type: String, required: true },
        unitId: id,
        helpTeamId: id,
      }),
    ],
    agreements: [
      new Schema<ServiceAgreement>({
        partyKind: { type: String, enum: AGREEMENT_PARTY_KINDS, required: true },
        partyId: { type: Schema.Types.ObjectId, required: true },
        signedAt: { type: Date, required: true },
        recordedBy: { type: String, required: true },
      }),
    ],
    attendance: [
      new Schema<Attendance>({
        memberId: { type: Schema.Types.ObjectId, required: true },
        unitId: id,
        stallId: id,
        minutes: { type: Number, required: true },
        recordedAt: { type: Date, required: true },
        recordedBy: { type: String, required: true },
      }),
    ],
    problems: [
      sub<CollectedProblem>({
        requestId: { type: Schema.Types.ObjectId, required: true },
        stallId: id,
        collectedAt: { type: Date, required: true },
      }),
    ],
    figures: {
      type: sub<ServiceDayFigures>({
        services: { type: Number, required: true },
        beneficiaries: { type: Number, required: true },
        satisfaction: { type: Number, required: true },
        recordedAt: { type: Date, required: true },
        recordedBy: { type: String, required: true },
      }),
      default: null,
    },
    cancelReason: String,
    talliedAt: { type: Date, default: null },
    history: [
      sub<ServiceDayStepRecord>({
        state: { type: String, required: true },
        at: { type: Date, required: true },
        by: { type: String, required: true },
        note: String,
      }),
    ],
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'service_days', versionKey: false },
);
withOutbox(serviceDaySchema);
// One service day per branch and date; the insert of a second is CONFLICT.
serviceDaySchema.index({ branchId: 1, date: 1 }, { unique: true });
serviceDaySchema.index({ path: 1, _id: 1 }); // Organization.serviceDays
serviceDaySchema.index({ path: 1, month: 1, _id: 1 }); // … of a month
serviceDaySchema.index({ state: 1, talliedAt: 1 }); // the start-up sweep of untallied sign-offs

export const SERVICE_DAY_PROJECTION = { outbox: 0 } as const;

/**
 * The figures of the signed-off days of one organization's subtree in one month, keyed
 * `<orgId>|<YYYY-MM>` and kept on write, so the analyst view is one read by `_id`.
 */
export interface ServiceDayTally {
  _id: string;
  daysHeld: number;
  services: number;
  volunteers: number;
  beneficiaries: number;
  satisfactionSum: number;
  /** The days counted, so a repeated tally adds nothing. */
  dayIds: Types.ObjectId[];
  /** The service requests of the problems collected (at most a few hundred a county-month). */
  requestIds: Types.ObjectId[];
}

export const serviceDayTallySchema = new Schema<ServiceDayTally>(
  {
    _id: { type: String, required: true },
    daysHeld: { type: Number, default: 0 },
    services: { type: Number, default: 0 },
    volunteers: { type: Number, default: 0 },
    beneficiaries: { type: Number, default: 0 },
    satisfactionSum: { type: Number, default: 0 },
    dayIds: { type: [Schema.Types.ObjectId], default: [] },
    requestIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'service_day_tallies', versionKey: false },
);
