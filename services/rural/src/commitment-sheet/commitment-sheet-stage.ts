// 明白纸: 年初拟定目标 → 年中汇报 → 年末考核, each once and in this order. A step is written only
// while the sheet is still at the stage it follows, so two concurrent reports cannot both land.
import type { Authority } from '../shared/authority';

export const COMMITMENT_SHEET_STAGE_LABELS = {
  GOALS_SET: '年初已定目标',
  MID_YEAR_REPORTED: '年中已汇报',
  ASSESSED: '年末已考核',
} as const;
export type CommitmentSheetStage = keyof typeof COMMITMENT_SHEET_STAGE_LABELS;
export const COMMITMENT_SHEET_STAGES = Object.keys(
  COMMITMENT_SHEET_STAGE_LABELS,
) as CommitmentSheetStage[];

// "村党组织书记、村委会主任和其他村"两委"班子成员的"明白纸"分别由区委组织部和各镇党委备案管理"
export const CADRE_ROLE_LABELS = {
  SECRETARY: '村党组织书记',
  DIRECTOR: '村委会主任',
  COMMITTEE_MEMBER: '村"两委"班子成员',
} as const;
export type CadreRole = keyof typeof CADRE_ROLE_LABELS;
export const CADRE_ROLES = Object.keys(CADRE_ROLE_LABELS) as CadreRole[];

export type CommitmentStep = 'midYearReport' | 'yearEndAssessment';

// The village reports on its own work; the level above assesses it.
export const COMMITMENT_STEPS: Record<
  CommitmentStep,
  {
    from: CommitmentSheetStage;
    to: CommitmentSheetStage;
    authority: Authority;
    label: string;
    earliest: string;
  }
> = {
  midYearReport: {
    from: 'GOALS_SET',
    to: 'MID_YEAR_REPORTED',
    authority: 'OWN_OR_ABOVE',
    label: 'the mid-year report (年中汇报)',
    earliest: '06-01',
  },
  yearEndAssessment: {
    from: 'MID_YEAR_REPORTED',
    to: 'ASSESSED',
    authority: 'ABOVE',
    label: 'the year-end assessment (年末考核)',
    earliest: '12-01',
  },
};

const stageName = (stage: CommitmentSheetStage) =>
  `${stage} (${COMMITMENT_SHEET_STAGE_LABELS[stage]})`;

/** Why `step` cannot be taken at `stage`, worded for the client; null when it can. */
export function commitmentStepProblem(
  stage: CommitmentSheetStage,
  step: CommitmentStep,
): string | null {
  const { from, to, label } = COMMITMENT_STEPS[step];
  if (stage === from) return null;
  const done = COMMITMENT_SHEET_STAGES.indexOf(stage) >= COMMITMENT_SHEET_STAGES.indexOf(to);
  return done
    ? `The commitment sheet is ${stageName(stage)}: ${label} was already recorded`
    : `The commitment sheet is ${stageName(stage)}: ${label} follows ${stageName(from)}`;
}

/** The first Shanghai date of the sheet's year on which the step may be dated. */
export const earliestDate = (year: number, step: CommitmentStep) =>
  `${year}-${COMMITMENT_STEPS[step].earliest}`;
