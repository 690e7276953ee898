import { Schema, type Types } from 'mongoose';
import {
  RURAL_FUNDING_TYPES,
  RURAL_PROJECT_KINDS,
  type RuralFundingType,
  type RuralProjectKind,
} from './project.enums';
import { RURAL_PROJECT_STEPS, type RuralProjectStatus } from './rural-project-steps';

export const RURAL_PROJECT_MODEL = 'RuralProject';

export interface RuralMilestone {
  _id: Types.ObjectId;
  title: string;
  /** Shanghai calendar dates, YYYY-MM-DD. */
  dueOn: string;
  reachedOn: string | null;
  recordedBy: string;
}

/** Money put into the project for one of its villages in one year. */
export interface RuralFunding {
  _id: Types.ObjectId;
  type: RuralFundingType;
  villageId: Types.ObjectId;
  year: number;
  amountFen: number;
  /** Who paid: 村集体, 龙头企业, 新区财政 … */
  source: string;
  note: string | null;
  recordedAt: Date;
  recordedBy: string;
}

/** The village collective's income from the project in one year (村集体经济收入). */
export interface CollectiveIncome {
  villageId: Types.ObjectId;
  year: number;
  amountFen: number;
  recordedAt: Date;
  recordedBy: string;
}

export interface RuralStatusChange {
  status: RuralProjectStatus;
  on: string;
  by: string;
}

export interface RuralProject {
  _id: Types.ObjectId;
  name: string;
  /** The village party organizations involved; the first leads (牵头村) and decides who manages. */
  villageIds: Types.ObjectId[];
  kind: RuralProjectKind;
  /** e.g. 党组织+龙头企业+合作社+基地+农户 */
  model: string | null;
  areaMu: number;
  startYear: number;
  pairingId: Types.ObjectId | null;
  status: RuralProjectStatus;
  statusChanges: RuralStatusChange[];
  milestones: RuralMilestone[];
  fundings: RuralFunding[];
  incomes: CollectiveIncome[];
  /** Guards the replacement of a village's income for a year against a concurrent one. */
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const milestoneSchema = new Schema<RuralMilestone>({
  title: { type: String, required: true },
  dueOn: { type: String, required: true },
  reachedOn: { type: String, default: null },
  recordedBy: { type: String, required: true },
});

const fundingSchema = new Schema<RuralFunding>({
  type: { type: String, enum: RURAL_FUNDING_TYPES, required: true },
  villageId: { type: Schema.Types.ObjectId, required: true },
  year: { type: Number, required: true },
  amountFen: { type: Number, required: true },
  source: { type: String, required: true },
  note: { type: String, default: null },
  recordedAt: { type: Date, required: true },
  recordedBy: { type: String, required: true },
});

const incomeSchema = new Schema<CollectiveIncome>(
  {
    villageId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    amountFen: { type: Number, required: true },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  { _id: false },
);

const statusChangeSchema = new Schema<RuralStatusChange>(
  {
    status: { type: String, enum: RURAL_PROJECT_STEPS.states, required: true },
    on: { type: String, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

export const ruralProjectSchema = new Schema<RuralProject>(
  {
    name: { type: String, required: true },
    villageIds: { type: [Schema.Types.ObjectId], required: true },
    kind: { type: String, enum: RURAL_PROJECT_KINDS, required: true },
    model: { type: String, default: null },
    areaMu: { type: Number, required: true },
    startYear: { type: Number, required: true },
    pairingId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: RURAL_PROJECT_STEPS.states, required: true },
    statusChanges: { type: [statusChangeSchema], default: [] },
    milestones: { type: [milestoneSchema], default: [] },
    fundings: { type: [fundingSchema], default: [] },
    incomes: { type: [incomeSchema], default: [] },
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'rural_projects', versionKey: false },
);
// Lists are paged in _id order; each index ends in _id.
ruralProjectSchema.index({ villageIds: 1, _id: 1 }); // subtree lists, Organization.ruralProjects
ruralProjectSchema.index({ pairingId: 1 }); // a pairing's projects and totals
ruralProjectSchema.index({ 'fundings.villageId': 1, 'fundings.year': 1 }); // funding totals
ruralProjectSchema.index({ 'incomes.villageId': 1, 'incomes.year': 1 }); // income thresholds
