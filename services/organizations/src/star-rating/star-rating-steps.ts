// The star rating workflow: which step may follow which, who takes each step, and the rules a
// step's input must meet given the rating so far. Pure functions over plain data.
import type { Claims } from '@jiceng/auth';
import type { FieldError } from '@jiceng/graphql';
import { defineSteps } from '@jiceng/workflow';
import {
  INSPECTION_CHECKS,
  type InspectionCheck,
  type StarRatingStatus,
} from './star-rating.enums';

/** The statuses each step starts from, and the status it leads to. */
export const STAR_RATING_STEPS = defineSteps(
  'rating',
  {
    SELF_ASSESSED: '自己评（已自评）',
    DEFENDED: '公开讲（已答辩）',
    INSPECTED: '实地看（已实地查看）',
    REVIEWED: '复评（已复评）',
    PUBLISHED: '已公布',
  } satisfies Record<StarRatingStatus, string>,
  {
    defend: { from: 'SELF_ASSESSED', to: 'DEFENDED', label: '公开讲 (public defense)' },
    // Every rating may be inspected; five-star candidates must be (see transitionProblem).
    inspect: { from: 'DEFENDED', to: 'INSPECTED', label: '实地看 (on-site inspection)' },
    review: { from: ['DEFENDED', 'INSPECTED'], to: 'REVIEWED', label: '复评 (district review)' },
    publish: { from: 'REVIEWED', to: 'PUBLISHED', label: 'publication (公布授旗)' },
  },
);
export type TransitionStep = keyof typeof STAR_RATING_STEPS.steps;
export type RatingStep = 'selfAssess' | TransitionStep;

// 自己评 creates the rating, so it is no transition of the machine.
const stepLabel = (step: RatingStep) =>
  step === 'selfAssess' ? '自己评 (self-assessment)' : STAR_RATING_STEPS.steps[step].label;

export interface RatingState {
  status: StarRatingStatus;
  selfAssessment: { claimedStars: number };
  defense?: { proposedStars: number } | null;
  inspection?: { passed: boolean } | null;
}

/** Why `step` cannot follow the rating's current status, or null when it can. */
export function transitionProblem(rating: RatingState, step: TransitionStep): string | null {
  const problem = STAR_RATING_STEPS.stepProblem(rating.status, step);
  if (problem) return problem;
  if (step === 'review' && rating.status === 'DEFENDED' && rating.defense?.proposedStars === 5) {
    return `A five-star candidate must pass ${stepLabel('inspect')} before ${stepLabel('review')}`;
  }
  return null;
}

export interface RatingPath {
  organizationId: string;
  /** The organization directly above the rated one: the street. */
  streetId: string;
  /** Root first, the street last. */
  ancestorIds: readonly string[];
}

/**
 * Who takes each step. ADMIN may take any. Otherwise an ORG_ADMIN:
 * - 自己评: of the rated community itself;
 * - 公开讲 and 实地看: of the street, the organization directly above the community;
 * - 复评 and publication: of an organization above the street (the district or higher).
 */
export function stepProblem(claims: Claims, step: RatingStep, path: RatingPath): string | null {
  if (claims.role === 'ADMIN') return null;
  const org = claims.role === 'ORG_ADMIN' ? claims.orgId : undefined;
  switch (step) {
    case 'selfAssess':
      return org === path.organizationId
        ? null
        : `${stepLabel(step)} is made by the ORG_ADMIN of the community itself`;
    case 'defend':
    case 'inspect':
      return org === path.streetId
        ? null
        : `${stepLabel(step)} is taken by the ORG_ADMIN of the street directly above the community`;
    case 'review':
    case 'publish':
      return org !== undefined && org !== path.streetId && path.ancestorIds.includes(org)
        ? null
        : `${stepLabel(step)} is taken by the ORG_ADMIN of the district (an organization above the street) or ADMIN`;
  }
}

/** 公开讲: only a community that rated itself five stars can be named a five-star candidate. */
export function defenseProblems(rating: RatingState, proposedStars: number): FieldError[] {
  return proposedStars === 5 && rating.selfAssessment.claimedStars !== 5
    ? [
        {
          field: 'input.proposedStars',
          message: `only a community that self-assessed five stars can be named five-star; it claimed ${rating.selfAssessment.claimedStars}`,
        },
      ]
    : [];
}

export const NOTE_MAX_LENGTH = 500;

/** 三查三看: one finding with a note for each of the three checks. */
export function findingProblems(
  findings: readonly { check: InspectionCheck; note: string }[],
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<InspectionCheck>();
  findings.forEach((f, i) => {
    if (seen.has(f.check))
      problems.push({
        field: `input.findings[${i}].check`,
        message: `${f.check} is reported twice`,
      });
    seen.add(f.check);
    if (!f.note.trim() || f.note.length > NOTE_MAX_LENGTH)
      problems.push({
        field: `input.findings[${i}].note`,
        message: `must be 1 to ${NOTE_MAX_LENGTH} characters`,
      });
  });
  const missing = INSPECTION_CHECKS.filter((c) => !seen.has(c));
  if (missing.length)
    problems.push({ field: 'input.findings', message: `missing checks: ${missing.join(', ')}` });
  return problems;
}

/** 复评: five stars only for the street's candidate that passed the inspection. */
export function reviewProblems(rating: RatingState, stars: number): FieldError[] {
  if (stars !== 5) return [];
  if (rating.defense?.proposedStars !== 5)
    return [
      {
        field: 'input.stars',
        message: 'five stars need the street to name the community a five-star candidate (公开讲)',
      },
    ];
  if (!rating.inspection?.passed)
    return [
      { field: 'input.stars', message: 'five stars need a passed on-site inspection (实地看)' },
    ];
  return [];
}
