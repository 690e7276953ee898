// Scoring against a template: checking criterion scores and adjustments, totals, and which stars
// a total supports. Pure functions; errors come back as field errors with their input paths.
import type { FieldError } from '@jiceng/graphql';
import type { Stars } from './star-rating.enums';
import type { RatingCriterion, RatingTemplate } from './rating-template.schema';

type Template = Pick<
  RatingTemplate,
  'version' | 'aspects' | 'fiveStarMinScore' | 'fourStarMinScore'
>;

export interface ScoreInput {
  criterionCode: string;
  score: number;
  evidence?: string | null;
}

export interface CriterionScore {
  criterionCode: string;
  aspectCode: string;
  score: number;
  maxScore: number;
  evidence?: string;
}

export interface AdjustmentInput {
  criterionCode: string;
  score: number;
  reason: string;
}

export interface ScoreAdjustment {
  criterionCode: string;
  previousScore: number;
  score: number;
  reason: string;
}

export const EVIDENCE_MAX_LENGTH = 500;

/** Scores and points are kept to one decimal place (e.g. 扣0.5分). */
export const roundScore = (n: number) => Math.round(n * 10) / 10;
const hasOneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

interface Weighted {
  criteria: readonly { maxScore: number }[];
}

export const aspectMaxScore = (aspect: Weighted) =>
  roundScore(aspect.criteria.reduce((sum, c) => sum + c.maxScore, 0));

export const templateMaxScore = (template: { aspects: readonly Weighted[] }) =>
  roundScore(template.aspects.reduce((sum, a) => sum + aspectMaxScore(a), 0));

export function criteriaOf(template: Pick<RatingTemplate, 'aspects'>) {
  return new Map(
    template.aspects.flatMap((aspect) =>
      aspect.criteria.map((c): [string, RatingCriterion & { aspectCode: string }] => [
        c.code,
        { ...c, aspectCode: aspect.code },
      ]),
    ),
  );
}

/** The most stars a total supports under the template's bands. */
export function starsSupportedBy(template: Template, total: number): Stars {
  if (total >= template.fiveStarMinScore) return 5;
  if (total >= template.fourStarMinScore) return 4;
  return 3;
}

export const totalScore = (scores: readonly { score: number }[]) =>
  roundScore(scores.reduce((sum, s) => sum + s.score, 0));

function rangeProblem(
  criterion: RatingCriterion,
  score: number,
  field: string,
): FieldError | undefined {
  if (score < 0 || score > criterion.maxScore || !Number.isFinite(score)) {
    return {
      field,
      message: `${criterion.code} ${criterion.title} must be scored between 0 and ${criterion.maxScore}`,
    };
  }
  if (!hasOneDecimal(score))
    return { field, message: `${criterion.code} scores have at most one decimal place` };
  return undefined;
}

/**
 * Checks a self-assessment: every criterion of the template scored exactly once, each score
 * within its criterion's range, evidence notes of reasonable length.
 */
export function scoreProblems(template: Template, scores: readonly ScoreInput[]): FieldError[] {
  const criteria = criteriaOf(template);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const path = `input.scores[${i}]`;
    const criterion = criteria.get(s.criterionCode);
    if (!criterion) {
      problems.push({
        field: `${path}.criterionCode`,
        message: `${s.criterionCode} is not a criterion of template v${template.version}`,
      });
      return;
    }
    if (seen.has(s.criterionCode)) {
      problems.push({
        field: `${path}.criterionCode`,
        message: `${s.criterionCode} is scored more than once`,
      });
    }
    seen.add(s.criterionCode);
    const range = rangeProblem(criterion, s.score, `${path}.score`);
    if (range) problems.push(range);
    if (s.evidence && s.evidence.length > EVIDENCE_MAX_LENGTH) {
      problems.push({
        field: `${path}.evidence`,
        message: `must be at most ${EVIDENCE_MAX_LENGTH} characters`,
      });
    }
  });
  const missing = [...criteria.keys()].filter((code) => !seen.has(code));
  if (missing.length) {
    problems.push({ field: 'input.scores', message: `criteria not scored: ${missing.join(', ')}` });
  }
  return problems;
}

/** The scores as stored: each with its aspect and range, in the template's order. */
export function criterionScores(
  template: Template,
  scores: readonly ScoreInput[],
): CriterionScore[] {
  const byCode = new Map(scores.map((s) => [s.criterionCode, s]));
  return [...criteriaOf(template).values()].map((c) => {
    const s = byCode.get(c.code) as ScoreInput;
    const evidence = s.evidence?.trim();
    return {
      criterionCode: c.code,
      aspectCode: c.aspectCode,
      score: s.score,
      maxScore: c.maxScore,
      ...(evidence ? { evidence } : {}),
    };
  });
}

/** Checks the inspection's score adjustments against the template (paths `input.adjustments[i]`). */
export function adjustmentProblems(
  template: Template,
  adjustments: readonly AdjustmentInput[],
): FieldError[] {
  const criteria = criteriaOf(template);
  const seen = new Set<string>();
  return adjustments.flatMap((a, i): FieldError[] => {
    const path = `input.adjustments[${i}]`;
    const criterion = criteria.get(a.criterionCode);
    if (!criterion) {
      return [
        {
          field: `${path}.criterionCode`,
          message: `${a.criterionCode} is not a criterion of template v${template.version}`,
        },
      ];
    }
    const problems: FieldError[] = [];
    if (seen.has(a.criterionCode))
      problems.push({
        field: `${path}.criterionCode`,
        message: `${a.criterionCode} is adjusted more than once`,
      });
    seen.add(a.criterionCode);
    const range = rangeProblem(criterion, a.score, `${path}.score`);
    if (range) problems.push(range);
    if (!a.reason.trim()) problems.push({ field: `${path}.reason`, message: 'must not be empty' });
    return problems;
  });
}

/** The adjustments as stored, each with the score it replaces. */
export function applyAdjustments(
  scores: readonly CriterionScore[],
  adjustments: readonly AdjustmentInput[],
): { adjustments: ScoreAdjustment[]; adjustedScore: number } {
  const byCode = new Map(adjustments.map((a) => [a.criterionCode, a]));
  const stored = adjustments.map((a) => ({
    criterionCode: a.criterionCode,
    previousScore: scores.find((s) => s.criterionCode === a.criterionCode)?.score ?? 0,
    score: a.score,
    reason: a.reason.trim(),
  }));
  const adjusted = scores.map((s) => byCode.get(s.criterionCode)?.score ?? s.score);
  return { adjustments: stored, adjustedScore: totalScore(adjusted.map((score) => ({ score }))) };
}
