// 书记项目: 立项申请 → 立项 (or not) → 推进 → 中期评估 → 结题验收 (自查 + 上考 + 下评), passed or failed.
// Every step is conditioned on the state (and version) it was decided on, so of two concurrent
// steps exactly one takes effect.
import type { FieldError } from '@jiceng/graphql';
import { defineSteps } from '@jiceng/workflow';
import type { Authority } from '../access/authority';

type Requirement = 'midtermScore' | 'acceptanceScores' | 'note';
const ACCEPTANCE_SCORES = ['selfCheckScore', 'upperReviewScore', 'residentScore'] as const;

const above = 'ABOVE' as Authority;
// 区委组织部 (the level above the street) approves, evaluates and accepts; the street itself
// starts the work it proposed. Steps are named by the state they lead to: the mutation names it.
export const SECRETARY_PROJECT_STEPS = defineSteps(
  'secretary project',
  {
    PROPOSED: '立项申请',
    APPROVED: '已立项',
    REJECTED: '未予立项',
    IN_PROGRESS: '推进中',
    MIDTERM_REVIEWED: '已中期评估',
    ACCEPTED: '已验收',
    FAILED: '验收未通过',
  },
  {
    APPROVED: {
      from: 'PROPOSED',
      to: 'APPROVED',
      label: '立项 (approval)',
      authority: above,
      needs: [] as Requirement[],
    },
    REJECTED: {
      from: 'PROPOSED',
      to: 'REJECTED',
      label: '不予立项 (rejection)',
      authority: above,
      needs: ['note'] as Requirement[],
    },
    IN_PROGRESS: {
      from: 'APPROVED',
      to: 'IN_PROGRESS',
      label: '推进 (start of the work)',
      authority: 'OWN_OR_ABOVE' as Authority,
      needs: [] as Requirement[],
    },
    MIDTERM_REVIEWED: {
      from: 'IN_PROGRESS',
      to: 'MIDTERM_REVIEWED',
      label: '中期评估 (midterm evaluation)',
      authority: above,
      needs: ['midtermScore'] as Requirement[],
    },
    ACCEPTED: {
      from: 'MIDTERM_REVIEWED',
      to: 'ACCEPTED',
      label: '结题验收 (acceptance)',
      authority: above,
      needs: ['acceptanceScores'] as Requirement[],
    },
    FAILED: {
      from: 'MIDTERM_REVIEWED',
      to: 'FAILED',
      label: '验收未通过 (failed acceptance)',
      authority: above,
      needs: ['acceptanceScores', 'note'] as Requirement[],
    },
  },
);
export type SecretaryProjectState = (typeof SECRETARY_PROJECT_STEPS.states)[number];
export type SecretaryStep = keyof typeof SECRETARY_PROJECT_STEPS.steps;

export const isSecretaryStep = (to: SecretaryProjectState): to is SecretaryStep =>
  to in SECRETARY_PROJECT_STEPS.steps;

/** Approved (立项) and not yet accepted or failed. */
export const ACTIVE_STATES: SecretaryProjectState[] = [
  'APPROVED',
  'IN_PROGRESS',
  'MIDTERM_REVIEWED',
];

/** Why the project cannot move from `state` to `to`, worded for the client; null when it can. */
export function transitionProblem(
  state: SecretaryProjectState,
  to: SecretaryProjectState,
): string | null {
  if (!isSecretaryStep(to))
    return `${SECRETARY_PROJECT_STEPS.describe(to)} is where a secretary project starts (proposeSecretaryProject)`;
  return SECRETARY_PROJECT_STEPS.stepProblem(state, to);
}

export interface StepInput {
  midtermScore?: number | null;
  selfCheckScore?: number | null;
  upperReviewScore?: number | null;
  residentScore?: number | null;
  note?: string | null;
}

/** The scores and note a step needs, and none it does not take. */
export function stepInputProblems(to: SecretaryProjectState, input: StepInput): FieldError[] {
  const needs = isSecretaryStep(to) ? SECRETARY_PROJECT_STEPS.steps[to].needs : [];
  const problems: FieldError[] = [];
  const check = (field: keyof StepInput, needed: boolean, what: string) => {
    const given = input[field] !== undefined && input[field] !== null;
    if (needed && !given)
      problems.push({ field: `input.${field}`, message: `is required ${what}` });
    if (!needed && given && field !== 'note')
      problems.push({
        field: `input.${field}`,
        message: `does not apply to ${SECRETARY_PROJECT_STEPS.describe(to)}`,
      });
  };
  check('midtermScore', needs.includes('midtermScore'), 'for the midterm evaluation (中期评估)');
  for (const field of ACCEPTANCE_SCORES)
    check(field, needs.includes('acceptanceScores'), 'at acceptance (自查 + 上考 + 下评)');
  if (needs.includes('note') && !input.note?.trim())
    problems.push({
      field: 'input.note',
      message: `is required to record ${SECRETARY_PROJECT_STEPS.describe(to)}`,
    });
  return problems;
}

/** The mean of 自查, 上考 and 下评, to one decimal. */
export function acceptanceScore(project: StepInput): number | null {
  const scores = ACCEPTANCE_SCORES.map((f) => project[f]);
  if (scores.some((s) => s === null || s === undefined)) return null;
  return Math.round(((scores as number[]).reduce((a, b) => a + b, 0) / 3) * 10) / 10;
}
