import { createHash } from 'node:crypto';
import { Schema, Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { isPeriod } from '@jiceng/calendar';
import type { CriterionScore, ScoreAdjustment } from './scoring';
import {
  INSPECTION_CHECKS,
  STAR_RATING_STATUSES,
  STARS,
  type InspectionCheck,
  type Stars,
  type StarRatingStatus,
} from './star-rating.enums';

export const STAR_RATING_MODEL = 'StarRating';

/**
 * A rating's id derives from its organization and period: one rating per organization and
 * period holds by construction, a repeated self-assessment collides on _id, and the ratings of
 * known organizations and periods are read by _id, which every MongoDB server indexes.
 */
export function starRatingId(organizationId: Types.ObjectId | string, period: string) {
  const digest = createHash('sha256').update(
    `jiceng-star-rating:${String(organizationId)}:${period}`,
  );
  return new Types.ObjectId(digest.digest('hex').slice(0, 24));
}

export interface SelfAssessment {
  scores: CriterionScore[];
  totalScore: number;
  claimedStars: Stars;
  remarks?: string;
  at: Date;
}

export interface Defense {
  /** The street leaders' score of the public defense (答辩), out of 100. */
  score: number;
  proposedStars: Stars;
  remarks?: string;
  at: Date;
}

export interface InspectionFinding {
  check: InspectionCheck;
  passed: boolean;
  note: string;
}

export interface Inspection {
  findings: InspectionFinding[];
  adjustments: ScoreAdjustment[];
  adjustedScore: number;
  /** Every check passed. */
  passed: boolean;
  remarks?: string;
  at: Date;
}

export interface Review {
  stars: Stars;
  remarks?: string;
  at: Date;
}

export interface RatingHistoryEntry {
  status: StarRatingStatus;
  at: Date;
  /** The token subject that took the step. */
  actor: string;
  actorRole: string;
  actorOrganizationId: Types.ObjectId | null;
}

export interface StarRating {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** The street (the organization directly above) when the community self-assessed. */
  streetId: Types.ObjectId;
  /** The community's path when it self-assessed, root first: who rated it, and read scope. */
  ancestorIds: Types.ObjectId[];
  period: string;
  year: number;
  templateVersion: number;
  status: StarRatingStatus;
  selfAssessment: SelfAssessment;
  defense?: Defense;
  inspection?: Inspection;
  review?: Review;
  /** The final result, set by the review. */
  stars?: Stars;
  publishedAt?: Date;
  history: RatingHistoryEntry[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const sub = <T>(definition: Record<string, unknown>) => new Schema<T>(definition, { _id: false });

const scoreSchema = sub<CriterionScore>({
  criterionCode: { type: String, required: true },
  aspectCode: { type: String, required: true },
  score: { type: Number, required: true },
  maxScore: { type: Number, required: true },
  evidence: String,
});

const adjustmentSchema = sub<ScoreAdjustment>({
  criterionCode: { type: String, required: true },
  previousScore: { type: Number, required: true },
  score: { type: Number, required: true },
  reason: { type: String, required: true },
});

const starsField = { type: Number, enum: STARS, required: true };

export const starRatingSchema = new Schema<StarRating>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    streetId: { type: Schema.Types.ObjectId, required: true },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [] },
    period: { type: String, required: true, validate: (v: string) => isPeriod(v, ['QUARTER']) },
    year: { type: Number, required: true },
    templateVersion: { type: Number, required: true },
    status: { type: String, enum: STAR_RATING_STATUSES, required: true },
    selfAssessment: {
      type: sub<SelfAssessment>({
        scores: { type: [scoreSchema], required: true },
        totalScore: { type: Number, required: true },
        claimedStars: starsField,
        remarks: String,
        at: { type: Date, required: true },
      }),
      required: true,
    },
    defense: sub<Defense>({
      score: { type: Number, required: true },
      proposedStars: starsField,
      remarks: String,
      at: { type: Date, required: true },
    }),
    inspection: sub<Inspection>({
      findings: [
        sub<InspectionFinding>({
          check: { type: String, enum: INSPECTION_CHECKS, required: true },
          passed: { type: Boolean, required: true },
          note: { type: String, required: true },
        }),
      ],
      adjustments: { type: [adjustmentSchema], default: [] },
      adjustedScore: { type: Number, required: true },
      passed: { type: Boolean, required: true },
      remarks: String,
      at: { type: Date, required: true },
    }),
    review: sub<Review>({ stars: starsField, remarks: String, at: { type: Date, required: true } }),
    stars: { type: Number, enum: STARS },
    publishedAt: Date,
    history: [
      sub<RatingHistoryEntry>({
        status: { type: String, enum: STAR_RATING_STATUSES, required: true },
        at: { type: Date, required: true },
        actor: { type: String, required: true },
        actorRole: { type: String, required: true },
        actorOrganizationId: { type: Schema.Types.ObjectId, default: null },
      }),
    ],
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'star_ratings', versionKey: false },
);
withOutbox(starRatingSchema);

// One rating per organization and period (the _id derives from both as well).
starRatingSchema.index({ organizationId: 1, period: 1 }, { unique: true });
// Work lists and subtree reads: the ratings under a street or district for a period and status.
starRatingSchema.index({ ancestorIds: 1, period: 1, status: 1, _id: 1 });
starRatingSchema.index({ period: 1, status: 1, _id: 1 });

/** Fields the API reads; the outbox stays on the server. */
export const STAR_RATING_PROJECTION = { outbox: 0 } as const;
