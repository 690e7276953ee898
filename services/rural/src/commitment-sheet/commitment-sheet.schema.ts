import { Schema, type Types } from 'mongoose';
import {
  CADRE_ROLES,
  COMMITMENT_SHEET_STEPS,
  type CadreRole,
  type CommitmentSheetStage,
} from './commitment-sheet-steps';

export const COMMITMENT_SHEET_MODEL = 'CommitmentSheet';

export interface CommitmentGoal {
  title: string;
  /** 办法举措 */
  measures: string | null;
  /** 时间节点, YYYY-MM-DD */
  deadline: string | null;
}

export interface MidYearReport {
  at: Date;
  by: string;
  report: string;
}

export interface YearEndAssessment {
  at: Date;
  by: string;
  completedGoals: number;
  score: number;
  comment: string | null;
}

/** 明白纸: one village cadre's goals for a year, the mid-year report and the year-end assessment. */
export interface CommitmentSheet {
  _id: Types.ObjectId;
  /** The cadre (a member id of the members service). */
  memberId: string;
  /** The village (or township) party organization the cadre serves. */
  organizationId: Types.ObjectId;
  year: number;
  role: CadreRole;
  goals: CommitmentGoal[];
  stage: CommitmentSheetStage;
  goalsSetAt: Date;
  goalsSetBy: string;
  midYearReport: MidYearReport | null;
  yearEndAssessment: YearEndAssessment | null;
  createdAt: Date;
  updatedAt: Date;
}

export const commitmentSheetSchema = new Schema<CommitmentSheet>(
  {
    memberId: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    role: { type: String, enum: CADRE_ROLES, required: true },
    goals: {
      type: [
        new Schema<CommitmentGoal>(
          { title: String, measures: String, deadline: String },
          { _id: false },
        ),
      ],
      required: true,
    },
    stage: { type: String, enum: COMMITMENT_SHEET_STEPS.states, required: true },
    goalsSetAt: { type: Date, required: true },
    goalsSetBy: { type: String, required: true },
    midYearReport: { type: Object, default: null },
    yearEndAssessment: { type: Object, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'commitment_sheets', versionKey: false },
);
// One sheet per cadre and year; a second filing is refused by this index, not by a read.
commitmentSheetSchema.index({ memberId: 1, year: 1 }, { unique: true });
commitmentSheetSchema.index({ organizationId: 1, year: 1, _id: 1 }); // subtree lists and stats
