import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { SATISFACTIONS, type Satisfaction } from '../service-request/service-request.enums';
import { WHISTLE_CATEGORIES, type WhistleCategory } from './whistle.enums';
import {
  WHISTLE_REPORT_STEPS,
  WHISTLE_STEPS,
  type WhistleReportState,
  type WhistleState,
} from './whistle-steps';
import type { WhistleTally } from './whistle-tally';

export const WHISTLE_MODEL = 'Whistle';
export const WHISTLE_TALLY_MODEL = 'WhistleTally';

export interface StepRecord<S extends string> {
  state: S;
  /** When it happened (a whistle may be dated when the township decided it). */
  at: Date;
  /** The actor: the signed claims' subject. */
  by: string;
  note?: string | null;
}

/** One department's 报到 on the problem. */
export interface WhistleReport {
  departmentId: Types.ObjectId;
  state: WhistleReportState;
  /** YYYY-MM-DD (Asia/Shanghai): `workingDays` working days after the whistle. */
  dueDate: string;
  /** The end of the due date. */
  dueAt: Date;
  acceptedAt?: Date | null;
  actedAt?: Date | null;
  action?: string | null;
  answeredAt?: Date | null;
  answer?: string | null;
  /** Set with the answer: answered after the due date. */
  answeredLate?: boolean | null;
  history: StepRecord<WhistleReportState>[];
}

/** 吹哨报到: a problem a village or community could not solve, through its township. */
export interface Whistle {
  /** The service request's id when raised from one (so a request is raised once), else new. */
  _id: Types.ObjectId;
  serviceRequestId?: Types.ObjectId | null;
  /** The village or community (村/社区) that raised it and evaluates it. */
  requesterId: Types.ObjectId;
  /** Its township or street (乡镇/街道), which judges and whistles. */
  townshipId: Types.ObjectId;
  /** The district or county whose departments may be whistled. */
  countyId: Types.ObjectId;
  /** The requester's path when raised, root first, itself last: the tallies it counts in. */
  path: Types.ObjectId[];
  /** Requester, township and whistled departments: whose lists show it. */
  orgIds: Types.ObjectId[];
  title: string;
  description?: string | null;
  category: WhistleCategory;
  state: WhistleState;
  raisedAt: Date;
  resolvedAt?: Date | null;
  resolution?: string | null;
  whistledAt?: Date | null;
  whistleNote?: string | null;
  workingDays?: number | null;
  reports: WhistleReport[];
  /** Reports not answered yet: the last answer completes the problem (see reportStep). */
  openReports: number;
  reportedAt?: Date | null;
  evaluatedAt?: Date | null;
  satisfaction?: Satisfaction | null;
  evaluationComment?: string | null;
  history: StepRecord<WhistleState>[];
  outbox: OutboxRecord[];
  updatedAt: Date;
}

const stepRecordSchema = new Schema<StepRecord<string>>(
  {
    state: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    note: String,
  },
  { _id: false },
);

const reportSchema = new Schema<WhistleReport>(
  {
    departmentId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: WHISTLE_REPORT_STEPS.states, required: true },
    dueDate: { type: String, required: true },
    dueAt: { type: Date, required: true },
    acceptedAt: Date,
    actedAt: Date,
    action: String,
    answeredAt: Date,
    answer: String,
    answeredLate: Boolean,
    history: { type: [stepRecordSchema], default: [] },
  },
  { _id: false },
);

export const whistleSchema = new Schema<Whistle>(
  {
    serviceRequestId: { type: Schema.Types.ObjectId, default: null },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    townshipId: { type: Schema.Types.ObjectId, required: true },
    countyId: { type: Schema.Types.ObjectId, required: true },
    path: { type: [Schema.Types.ObjectId], required: true },
    orgIds: { type: [Schema.Types.ObjectId], required: true },
    title: { type: String, required: true },
    description: String,
    category: { type: String, enum: WHISTLE_CATEGORIES, required: true },
    state: { type: String, enum: WHISTLE_STEPS.states, required: true },
    raisedAt: { type: Date, required: true },
    resolvedAt: Date,
    resolution: String,
    whistledAt: Date,
    whistleNote: String,
    workingDays: Number,
    reports: { type: [reportSchema], default: [] },
    openReports: { type: Number, required: true, default: 0 },
    reportedAt: Date,
    evaluatedAt: Date,
    satisfaction: { type: String, enum: [...SATISFACTIONS, null] },
    evaluationComment: String,
    history: { type: [stepRecordSchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'whistles', versionKey: false },
);
withOutbox(whistleSchema);
// Organization.whistles: the whistles of a subtree's villages, townships and departments.
whistleSchema.index({ orgIds: 1, _id: 1 });
whistleSchema.index({ 'reports.dueAt': 1, 'reports.answeredAt': 1 }); // overdue work lists

/** Reads never need the outbox. */
export const WHISTLE_PROJECTION = { outbox: 0 } as const;

export const whistleTallySchema = new Schema<WhistleTally>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    month: { type: String, required: true },
    raised: Number,
    resolved: Number,
    whistled: Number,
    categories: { type: Schema.Types.Mixed },
    departments: { type: Schema.Types.Mixed },
    reports: Number,
    answered: Number,
    onTime: Number,
    evaluated: Number,
    satisfied: Number,
    applied: { type: [String], default: undefined },
  },
  { collection: 'whistle_tallies', versionKey: false, minimize: false },
);
