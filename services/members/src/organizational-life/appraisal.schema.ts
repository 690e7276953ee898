import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { APPRAISAL_GRADES, type AppraisalGrade } from './organizational-life.enums';

export const APPRAISAL_MODEL = 'MemberAppraisal';

export interface AppraisalChange {
  grade: AppraisalGrade;
  decision: string;
  decidedOn: string;
  by: string;
  at: Date;
}

/** 民主评议党员: one member's grade for one year; `_id` is `<memberId>:<YYYY>`. */
export interface MemberAppraisal {
  _id: string;
  memberId: Types.ObjectId;
  /** The branch holding the membership when recorded, and its path (scope). */
  organizationId: Types.ObjectId;
  organizationPath: Types.ObjectId[];
  year: number;
  grade: AppraisalGrade;
  /** The organization's decision (组织意见), as written. */
  decision: string;
  /** The day of the decision, YYYY-MM-DD. */
  decidedOn: string;
  recordedBy: string;
  /** Earlier grades of the same year, oldest first. */
  history: AppraisalChange[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

export const appraisalId = (memberId: Types.ObjectId | string, year: number) =>
  `${String(memberId)}:${year}`;

const change = new Schema<AppraisalChange>(
  {
    grade: { type: String, enum: APPRAISAL_GRADES, required: true },
    decision: { type: String, required: true },
    decidedOn: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const appraisalSchema = new Schema<MemberAppraisal>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    organizationPath: { type: [Schema.Types.ObjectId], required: true },
    year: { type: Number, required: true },
    grade: { type: String, enum: APPRAISAL_GRADES, required: true },
    decision: { type: String, required: true },
    decidedOn: { type: String, required: true },
    recordedBy: { type: String, required: true },
    history: { type: [change], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'member_appraisals', versionKey: false },
);
withOutbox(appraisalSchema);
// Read by _id (member and year); a branch's appraisals of a year, for MongoDB itself.
appraisalSchema.index({ organizationPath: 1, year: 1, _id: 1 });

export const APPRAISAL_PROJECTION = { outbox: 0 } as const;
