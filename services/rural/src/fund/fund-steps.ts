// 资金梯度式分配: 基层党组织自主申报 → 党（工）委初审推荐 → 区组复核提名 → 专家实地考察 → 现场陈述展演
// → 分配. An application moves one stage at a time; until it is allocated it may leave as not
// selected (未入选). Each step is conditioned on the stage it was decided on.
import { defineSteps } from '@jiceng/workflow';
import type { Authority } from '../access/authority';

// Until it is allocated, an application may leave as not selected.
const OPEN = ['SELF_APPLIED', 'RECOMMENDED', 'REVIEWED', 'SITE_VISITED', 'PRESENTED'] as const;

// Steps are named by the stage they lead to: advanceFundApplication names it.
export const FUND_STEPS = defineSteps(
  'application',
  {
    SELF_APPLIED: '自主申报',
    RECOMMENDED: '初审推荐',
    REVIEWED: '复核提名',
    SITE_VISITED: '专家实地考察',
    PRESENTED: '现场陈述展演',
    ALLOCATED: '已分配',
    NOT_SELECTED: '未入选',
  },
  {
    RECOMMENDED: { from: 'SELF_APPLIED', to: 'RECOMMENDED', label: '初审推荐 (recommendation)' },
    REVIEWED: { from: 'RECOMMENDED', to: 'REVIEWED', label: '复核提名 (review)' },
    SITE_VISITED: { from: 'REVIEWED', to: 'SITE_VISITED', label: '专家实地考察 (site visit)' },
    PRESENTED: { from: 'SITE_VISITED', to: 'PRESENTED', label: '现场陈述展演 (presentation)' },
    ALLOCATED: { from: 'PRESENTED', to: 'ALLOCATED', label: '分配 (allocation)' },
    NOT_SELECTED: { from: OPEN, to: 'NOT_SELECTED', label: '未入选 (not selected)' },
  },
);
export type FundStage = (typeof FUND_STEPS.states)[number];
export type FundStep = keyof typeof FUND_STEPS.steps;
export const FUND_PIPELINE: FundStage[] = [...OPEN, 'ALLOCATED'];

export const isFundStep = (to: FundStage): to is FundStep => to in FUND_STEPS.steps;

/**
 * Whose decision a stage is: the applicant's party (working) committee recommends (the level
 * above the applicant); the fund's organizer (区组, its experts and panel) decides the rest.
 */
export interface StageActor {
  of: 'APPLICANT' | 'ORGANIZER';
  authority: Authority;
}

export function actorFor(to: FundStage): StageActor {
  if (to === 'SELF_APPLIED') return { of: 'APPLICANT', authority: 'OWN_OR_ABOVE' };
  if (to === 'RECOMMENDED') return { of: 'APPLICANT', authority: 'ABOVE' };
  return { of: 'ORGANIZER', authority: 'OWN_OR_ABOVE' };
}

/** Why an application at `stage` cannot move to `to`; null when it can. */
export function fundStepProblem(stage: FundStage, to: FundStage): string | null {
  if (!isFundStep(to))
    return `${FUND_STEPS.describe(to)} is where an application starts (applyForFund)`;
  return FUND_STEPS.stepProblem(stage, to);
}

/** Why `amountFen` cannot be allocated to an application; null when it can. */
export function allocationProblem(
  application: { stage: FundStage; requestedFen: number },
  amountFen: number,
): { conflict: boolean; message: string } | null {
  const blocked = FUND_STEPS.stepProblem(application.stage, 'ALLOCATED');
  if (blocked) return { conflict: true, message: blocked };
  if (amountFen <= 0) return { conflict: false, message: 'must be more than 0' };
  if (amountFen > application.requestedFen)
    return {
      conflict: false,
      message: `is more than the ${application.requestedFen} fen the application requested`,
    };
  return null;
}

/**
 * What recovery does with an allocation the fund records for an application that is not
 * ALLOCATED (a crash between the fund's write and the application's): finish it while the
 * application still awaits it, withdraw it once the application left the running.
 */
export function recoveryFor(stage: FundStage): 'complete' | 'withdraw' | 'none' {
  if (stage === 'ALLOCATED') return 'none';
  return stage === 'PRESENTED' ? 'complete' : 'withdraw';
}
