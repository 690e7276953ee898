import { Schema, type Types } from 'mongoose';
import { FUND_STEPS, type FundStage } from './fund-steps';

export const FUND_MODEL = 'Fund';
export const FUND_APPLICATION_MODEL = 'FundApplication';

/** Money allocated to one application, recorded in the fund itself. */
export interface FundAllocation {
  applicationId: Types.ObjectId;
  amountFen: number;
  at: Date;
  by: string;
}

/**
 * A special fund (专项经费) with a budget. `remainingFen` and `allocations` change together in one
 * conditional update (`remainingFen >= amount`, application not yet allocated), so concurrent
 * allocations can never exceed the budget: budgetFen = remainingFen + Σ allocations.
 */
export interface Fund {
  _id: Types.ObjectId;
  /** The organizer (e.g. the district party committee, 区组). */
  organizationId: Types.ObjectId;
  name: string;
  year: number;
  budgetFen: number;
  remainingFen: number;
  allocations: FundAllocation[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface FundStep {
  stage: FundStage;
  at: Date;
  by: string;
  score: number | null;
  note: string | null;
}

export interface FundApplication {
  _id: Types.ObjectId;
  fundId: Types.ObjectId;
  /** The applying party organization, below the fund's organizer. */
  organizationId: Types.ObjectId;
  title: string;
  requestedFen: number;
  stage: FundStage;
  steps: FundStep[];
  allocatedFen: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const allocationSchema = new Schema<FundAllocation>(
  {
    applicationId: { type: Schema.Types.ObjectId, required: true },
    amountFen: { type: Number, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

export const fundSchema = new Schema<Fund>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    year: { type: Number, required: true },
    budgetFen: { type: Number, required: true },
    remainingFen: { type: Number, required: true },
    allocations: { type: [allocationSchema], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'funds', versionKey: false },
);
fundSchema.index({ organizationId: 1, _id: 1 });

const stepSchema = new Schema<FundStep>(
  {
    stage: { type: String, enum: FUND_STEPS.states, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    score: { type: Number, default: null },
    note: { type: String, default: null },
  },
  { _id: false },
);

export const fundApplicationSchema = new Schema<FundApplication>(
  {
    fundId: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    requestedFen: { type: Number, required: true },
    stage: { type: String, enum: FUND_STEPS.states, required: true },
    steps: { type: [stepSchema], default: [] },
    allocatedFen: { type: Number, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'fund_applications', versionKey: false },
);
// One application per organization and fund.
fundApplicationSchema.index({ fundId: 1, organizationId: 1 }, { unique: true });
fundApplicationSchema.index({ fundId: 1, stage: 1, _id: 1 });
