// 书记项目: 立项申请 → 立项 (or not) → 推进 → 中期评估 → 结题验收 (自查 + 上考 + 下评), passed or failed.
// Every step is conditioned on the state (and version) it was decided on, so of two concurrent
// steps exactly one takes effect.
import type { FieldError } from '@jiceng/graphql';
import type { Authority } from '../shared/authority';

export const SECRETARY_PROJECT_STATE_LABELS = {
  PROPOSED: '立项申请',
  APPROVED: '已立项',
  REJECTED: '未予立项',
  IN_PROGRESS: '推进中',
  MIDTERM_REVIEWED: '已中期评估',
  ACCEPTED: '已验收',
  FAILED: '验收未通过',
} as const;
export type SecretaryProjectState = keyof typeof SECRETARY_PROJECT_STATE_LABELS;
export const SECRETARY_PROJECT_STATES = Object.keys(
  SECRETARY_PROJECT_STATE_LABELS,
) as SecretaryProjectState[];

type Requirement = 'midtermScore' | 'acceptanceScores' | 'note';
const ACCEPTANCE_SCORES = ['selfCheckScore', 'upperReviewScore', 'residentScore'] as const;

interface Step {
  from: SecretaryProjectState;
  authority: Authority;
  needs: Requirement[];
}

// 区委组织部 (the level above the street) approves, evaluates and accepts; the street itself
// starts the work it proposed.
export const SECRETARY_STEPS: Partial<Record<SecretaryProjectState, Step>> = {
  APPROVED: { from: 'PROPOSED', authority: 'ABOVE', needs: [] },
  REJECTED: { from: 'PROPOSED', authority: 'ABOVE', needs: ['note'] },
  IN_PROGRESS: { from: 'APPROVED', authority: 'OWN_OR_ABOVE', needs: [] },
  MIDTERM_REVIEWED: { from: 'IN_PROGRESS', authority: 'ABOVE', needs: ['midtermScore'] },
  ACCEPTED: { from: 'MIDTERM_REVIEWED', authority: 'ABOVE', needs: ['acceptanceScores'] },
  FAILED: { from: 'MIDTERM_REVIEWED', authority: 'ABOVE', needs: ['acceptanceScores', 'note'] },
};

/** Approved (立项) and not yet accepted or failed. */
export const ACTIVE_STATES: SecretaryProjectState[] = [
  'APPROVED',
  'IN_PROGRESS',
  'MIDTERM_REVIEWED',
];

export const stateName = (state: SecretaryProjectState) =>
  `${state} (${SECRETARY_PROJECT_STATE_LABELS[state]})`;

/** Why the project cannot move from `state` to `to`, worded for the client; null when it can. */
export function transitionProblem(
  state: SecretaryProjectState,
  to: SecretaryProjectState,
): string | null {
  const step = SECRETARY_STEPS[to];
  if (step?.from === state) return null;
  if (state === to) return `The secretary project is already ${stateName(state)}`;
  if (!step)
    return `${stateName(to)} is where a secretary project starts (proposeSecretaryProject)`;
  return `The secretary project is ${stateName(state)}; ${stateName(to)} follows ${stateName(step.from)} only`;
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
  const needs = SECRETARY_STEPS[to]?.needs ?? [];
  const problems: FieldError[] = [];
  const check = (field: keyof StepInput, needed: boolean, what: string) => {
    const given = input[field] !== undefined && input[field] !== null;
    if (needed && !given)
      problems.push({ field: `input.${field}`, message: `is required ${what}` });
    if (!needed && given && field !== 'note')
      problems.push({ field: `input.${field}`, message: `does not apply to ${stateName(to)}` });
  };
  check('midtermScore', needs.includes('midtermScore'), 'for the midterm evaluation (中期评估)');
  for (const field of ACCEPTANCE_SCORES)
    check(field, needs.includes('acceptanceScores'), 'at acceptance (自查 + 上考 + 下评)');
  if (needs.includes('note') && !input.note?.trim())
    problems.push({ field: 'input.note', message: `is required to record ${stateName(to)}` });
  return problems;
}

/** The mean of 自查, 上考 and 下评, to one decimal. */
export function acceptanceScore(project: StepInput): number | null {
  const scores = ACCEPTANCE_SCORES.map((f) => project[f]);
  if (scores.some((s) => s === null || s === undefined)) return null;
  return Math.round(((scores as number[]).reduce((a, b) => a + b, 0) / 3) * 10) / 10;
}
