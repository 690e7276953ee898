import { Schema, type Types } from 'mongoose';

export const CONTEST_MODEL = 'Contest';

export const CONTEST_STATUS_LABELS = { OPEN: '进行中', CLOSED: '已结束' } as const;
export type ContestStatus = keyof typeof CONTEST_STATUS_LABELS;
export const CONTEST_STATUSES = Object.keys(CONTEST_STATUS_LABELS) as ContestStatus[];

export interface JuryScore {
  juror: string;
  score: number;
  at: Date;
  recordedBy: string;
}

export interface ContestEntry {
  _id: Types.ObjectId;
  /** The village (or other) party organization on the stage (打擂). */
  organizationId: Types.ObjectId;
  title: string;
  enteredAt: Date;
  enteredBy: string;
  scores: JuryScore[];
}

export interface StoredRank {
  entryId: Types.ObjectId;
  rank: number;
  meanScore: number | null;
  scoreCount: number;
  winner: boolean;
}

/** 擂台赛: one quarter's contest of an organization's villages, with a theme and a jury. */
export interface Contest {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** e.g. 2023-Q2 (Asia/Shanghai) */
  quarter: string;
  theme: string;
  /** The jury (评审小组): names or ids, as the organizer records them. */
  jurors: string[];
  winnerCount: number;
  status: ContestStatus;
  entries: ContestEntry[];
  /** Fixed when the contest closes. */
  ranking: StoredRank[];
  closedAt: Date | null;
  closedBy: string | null;
  /** Every entry and score increments it, so closing ranks exactly the scores it read. */
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const scoreSchema = new Schema<JuryScore>(
  {
    juror: { type: String, required: true },
    score: { type: Number, required: true },
    at: { type: Date, required: true },
    recordedBy: { type: String, required: true },
  },
  { _id: false },
);

const entrySchema = new Schema<ContestEntry>({
  organizationId: { type: Schema.Types.ObjectId, required: true },
  title: { type: String, required: true },
  enteredAt: { type: Date, required: true },
  enteredBy: { type: String, required: true },
  scores: { type: [scoreSchema], default: [] },
});

const rankSchema = new Schema<StoredRank>(
  {
    entryId: { type: Schema.Types.ObjectId, required: true },
    rank: { type: Number, required: true },
    meanScore: { type: Number, default: null },
    scoreCount: { type: Number, required: true },
    winner: { type: Boolean, required: true },
  },
  { _id: false },
);

export const contestSchema = new Schema<Contest>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    quarter: { type: String, required: true },
    theme: { type: String, required: true },
    jurors: { type: [String], required: true },
    winnerCount: { type: Number, required: true },
    status: { type: String, enum: CONTEST_STATUSES, required: true },
    entries: { type: [entrySchema], default: [] },
    ranking: { type: [rankSchema], default: [] },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contests', versionKey: false },
);
// "每季度推出一期，每期一个主题": one contest per organizer and quarter.
contestSchema.index({ organizationId: 1, quarter: 1 }, { unique: true });
