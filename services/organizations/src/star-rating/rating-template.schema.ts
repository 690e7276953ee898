import { Schema, type Types } from 'mongoose';
import { isPeriod } from '@jiceng/calendar';

export const RATING_TEMPLATE_MODEL = 'RatingTemplate';

export interface RatingDeduction {
  /** When points are taken off, e.g. "每缺一项扣2分". */
  description: string;
  points: number;
}

export interface RatingCriterion {
  /** Unique within the template, e.g. "B1". */
  code: string;
  title: string;
  maxScore: number;
  /** What earns the full score (得分标准). */
  rule: string;
  deductions: RatingDeduction[];
}

export interface RatingAspect {
  code: string;
  title: string;
  criteria: RatingCriterion[];
}

/**
 * A version of the scoring standard (《社区党建“星级管理”评定标准》). Versions are immutable: a
 * rating records the version it was scored against, so a new version never changes past ratings.
 */
export interface RatingTemplate {
  _id: Types.ObjectId;
  version: number;
  name: string;
  /** The first quarter it applies to; each period uses the latest version effective by then. */
  effectiveFrom: string;
  /** Total scores from which a self-assessment may claim five or four stars. */
  fiveStarMinScore: number;
  fourStarMinScore: number;
  aspects: RatingAspect[];
  createdAt: Date;
  createdBy: string;
}

const deductionSchema = new Schema<RatingDeduction>(
  { description: { type: String, required: true }, points: { type: Number, required: true } },
  { _id: false },
);

const criterionSchema = new Schema<RatingCriterion>(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    maxScore: { type: Number, required: true },
    rule: { type: String, required: true },
    deductions: { type: [deductionSchema], default: [] },
  },
  { _id: false },
);

const aspectSchema = new Schema<RatingAspect>(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    criteria: { type: [criterionSchema], required: true },
  },
  { _id: false },
);

export const ratingTemplateSchema = new Schema<RatingTemplate>(
  {
    version: { type: Number, required: true },
    name: { type: String, required: true },
    effectiveFrom: {
      type: String,
      required: true,
      validate: (v: string) => isPeriod(v, ['QUARTER']),
    },
    fiveStarMinScore: { type: Number, required: true },
    fourStarMinScore: { type: Number, required: true },
    aspects: { type: [aspectSchema], required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'rating_templates', versionKey: false },
);

// The unique version is what makes two concurrent "next version" creations collide.
ratingTemplateSchema.index({ version: 1 }, { unique: true });
ratingTemplateSchema.index({ effectiveFrom: -1, version: -1 }); // the version effective for a period
