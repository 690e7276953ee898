import { Schema, type Types } from 'mongoose';
import { SECRETARY_PROJECT_STEPS, type SecretaryProjectState } from './secretary-project-steps';

export const SECRETARY_PROJECT_MODEL = 'SecretaryProject';

export interface SecretaryProjectScores {
  /** 中期评估 */
  midtermScore: number | null;
  /** 自查: the street's own acceptance report. */
  selfCheckScore: number | null;
  /** 上考: the district organization department's inspection. */
  upperReviewScore: number | null;
  /** 下评: the residents' evaluation. */
  residentScore: number | null;
}

export interface SecretaryProjectStep extends Partial<SecretaryProjectScores> {
  state: SecretaryProjectState;
  at: Date;
  /** claims.sub of whoever took the step. */
  by: string;
  note: string | null;
}

/** 书记项目: a street (or township) party committee secretary's yearly project. */
export interface SecretaryProject extends SecretaryProjectScores {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** The year of 立项. */
  year: number;
  title: string;
  goals: string | null;
  secretaryMemberId: string | null;
  state: SecretaryProjectState;
  steps: SecretaryProjectStep[];
  /** Every step increments it; a step is written only on the version it was decided on. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const score = { type: Number, default: null };

const stepSchema = new Schema<SecretaryProjectStep>(
  {
    state: { type: String, enum: SECRETARY_PROJECT_STEPS.states, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    note: { type: String, default: null },
    midtermScore: Number,
    selfCheckScore: Number,
    upperReviewScore: Number,
    residentScore: Number,
  },
  { _id: false },
);

export const secretaryProjectSchema = new Schema<SecretaryProject>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    goals: { type: String, default: null },
    secretaryMemberId: { type: String, default: null },
    state: { type: String, enum: SECRETARY_PROJECT_STEPS.states, required: true },
    steps: { type: [stepSchema], default: [] },
    midtermScore: score,
    selfCheckScore: score,
    upperReviewScore: score,
    residentScore: score,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'secretary_projects', versionKey: false },
);
secretaryProjectSchema.index({ organizationId: 1, _id: 1 }); // subtree lists
secretaryProjectSchema.index({ organizationId: 1, year: 1, state: 1 }); // completion rates
