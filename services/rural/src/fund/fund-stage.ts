// 资金梯度式分配: 基层党组织自主申报 → 党（工）委初审推荐 → 区组复核提名 → 专家实地考察 → 现场陈述展演
// → 分配. An application moves one stage at a time; until it is allocated it may leave as not
// selected (未入选). Each step is conditioned on the stage it was decided on.
import type { Authority } from '../shared/authority';

export const FUND_STAGE_LABELS = {
  SELF_APPLIED: '自主申报',
  RECOMMENDED: '初审推荐',
  REVIEWED: '复核提名',
  SITE_VISITED: '专家实地考察',
  PRESENTED: '现场陈述展演',
  ALLOCATED: '已分配',
  NOT_SELECTED: '未入选',
} as const;
export type FundStage = keyof typeof FUND_STAGE_LABELS;
export const FUND_STAGES = Object.keys(FUND_STAGE_LABELS) as FundStage[];
export const FUND_PIPELINE: FundStage[] = [
  'SELF_APPLIED',
  'RECOMMENDED',
  'REVIEWED',
  'SITE_VISITED',
  'PRESENTED',
  'ALLOCATED',
];

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

export const stageName = (stage: FundStage) => `${stage} (${FUND_STAGE_LABELS[stage]})`;

/** Why an application at `stage` cannot move to `to`; null when it can. */
export function fundStepProblem(stage: FundStage, to: FundStage): string | null {
  if (stage === 'ALLOCATED' || stage === 'NOT_SELECTED')
    return `The application is ${stageName(stage)}; it moves no further`;
  if (to === 'NOT_SELECTED') return null;
  const next = FUND_PIPELINE[FUND_PIPELINE.indexOf(stage) + 1];
  if (to === next) return null;
  return `The application is ${stageName(stage)}; the next stage is ${stageName(next)}`;
}

/** Why `amountFen` cannot be allocated to an application; null when it can. */
export function allocationProblem(
  application: { stage: FundStage; requestedFen: number },
  amountFen: number,
): { conflict: boolean; message: string } | null {
  if (application.stage !== 'PRESENTED')
    return {
      conflict: true,
      message: `The application is ${stageName(application.stage)}; allocation follows ${stageName('PRESENTED')}`,
    };
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
