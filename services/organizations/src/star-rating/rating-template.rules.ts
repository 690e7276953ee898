// What makes a scoring template well formed; checked before a new version is stored.
import type { Types } from 'mongoose';
import type { FieldError } from '@jiceng/graphql';
import type { RatingTemplate } from './rating-template.schema';
import { roundScore, templateMaxScore } from './scoring';

export const TEMPLATE_MAX_SCORE = 100;
const CODE = /^[A-Z][A-Z0-9]{0,7}$/;
const MAX_CRITERIA_PER_ASPECT = 30;

export interface TemplateInput {
  effectiveFrom: string;
  fiveStarMinScore: number;
  fourStarMinScore: number;
  aspects: {
    code: string;
    title: string;
    criteria: {
      code: string;
      title: string;
      maxScore: number;
      rule: string;
      deductions?: { description: string; points: number }[] | null;
    }[];
  }[];
}

const textProblem = (text: string, max: number) =>
  !text.trim()
    ? 'must not be empty'
    : text.length > max
      ? `must be at most ${max} characters`
      : null;
const pointsProblem = (n: number, max: number) =>
  !(n > 0 && n <= max) || roundScore(n) !== n
    ? `must be more than 0 and at most ${max}, with at most one decimal place`
    : null;

/**
 * Unique codes, non-empty texts, positive points, deductions within their criterion, criteria
 * adding up to 100 and star bands inside that range.
 */
export function templateProblems(input: TemplateInput): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string | null) => {
    if (message) problems.push({ field, message });
  };
  const aspectCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  input.aspects.forEach((aspect, a) => {
    const at = `input.aspects[${a}]`;
    add(`${at}.code`, CODE.test(aspect.code) ? null : 'must be 1-8 capital letters or digits');
    add(`${at}.code`, aspectCodes.has(aspect.code) ? `${aspect.code} is used twice` : null);
    aspectCodes.add(aspect.code);
    add(`${at}.title`, textProblem(aspect.title, 50));
    if (!aspect.criteria.length || aspect.criteria.length > MAX_CRITERIA_PER_ASPECT)
      add(`${at}.criteria`, `must list 1 to ${MAX_CRITERIA_PER_ASPECT} criteria`);
    aspect.criteria.forEach((criterion, c) => {
      const ct = `${at}.criteria[${c}]`;
      add(`${ct}.code`, CODE.test(criterion.code) ? null : 'must be 1-8 capital letters or digits');
      add(
        `${ct}.code`,
        criterionCodes.has(criterion.code) ? `${criterion.code} is used twice` : null,
      );
      criterionCodes.add(criterion.code);
      add(`${ct}.title`, textProblem(criterion.title, 100));
      add(`${ct}.rule`, textProblem(criterion.rule, 500));
      add(`${ct}.maxScore`, pointsProblem(criterion.maxScore, TEMPLATE_MAX_SCORE));
      (criterion.deductions ?? []).forEach((d, i) => {
        add(`${ct}.deductions[${i}].description`, textProblem(d.description, 200));
        add(`${ct}.deductions[${i}].points`, pointsProblem(d.points, criterion.maxScore));
      });
    });
  });
  const total = templateMaxScore(input);
  if (!problems.length && total !== TEMPLATE_MAX_SCORE) {
    add('input.aspects', `criteria add up to ${total}; they must add up to ${TEMPLATE_MAX_SCORE}`);
  }
  if (!(input.fourStarMinScore > 0 && input.fourStarMinScore < input.fiveStarMinScore)) {
    add('input.fourStarMinScore', 'must be more than 0 and less than fiveStarMinScore');
  }
  if (input.fiveStarMinScore > TEMPLATE_MAX_SCORE) {
    add('input.fiveStarMinScore', `must be at most ${TEMPLATE_MAX_SCORE}`);
  }
  return problems;
}

/** The stored form of a template input: texts trimmed, absent deductions as empty lists. */
export function buildTemplate(
  input: TemplateInput & { name: string },
  stored: Pick<RatingTemplate, 'version' | 'createdAt' | 'createdBy'> & { _id: Types.ObjectId },
): RatingTemplate {
  return {
    ...stored,
    name: input.name.trim(),
    effectiveFrom: input.effectiveFrom,
    fiveStarMinScore: input.fiveStarMinScore,
    fourStarMinScore: input.fourStarMinScore,
    aspects: input.aspects.map((a) => ({
      code: a.code,
      title: a.title.trim(),
      criteria: a.criteria.map((c) => ({
        code: c.code,
        title: c.title.trim(),
        maxScore: c.maxScore,
        rule: c.rule.trim(),
        deductions: (c.deductions ?? []).map((d) => ({
          description: d.description.trim(),
          points: d.points,
        })),
      })),
    })),
  };
}
