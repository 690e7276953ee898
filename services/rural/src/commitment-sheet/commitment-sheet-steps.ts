// 明白纸: 年初拟定目标 → 年中汇报 → 年末考核, each once and in this order. A step is written only
// while the sheet is still at the stage it follows, so two concurrent reports cannot both land.
import { defineSteps } from '@jiceng/workflow';
import type { Authority } from '../access/authority';

// "村党组织书记、村委会主任和其他村"两委"班子成员的"明白纸"分别由区委组织部和各镇党委备案管理"
export const CADRE_ROLE_LABELS = {
  SECRETARY: '村党组织书记',
  DIRECTOR: '村委会主任',
  COMMITTEE_MEMBER: '村"两委"班子成员',
} as const;
export type CadreRole = keyof typeof CADRE_ROLE_LABELS;
export const CADRE_ROLES = Object.keys(CADRE_ROLE_LABELS) as CadreRole[];

// The village reports on its own work; the level above assesses it.
export const COMMITMENT_SHEET_STEPS = defineSteps(
  'commitment sheet',
  { GOALS_SET: '年初已定目标', MID_YEAR_REPORTED: '年中已汇报', ASSESSED: '年末已考核' },
  {
    midYearReport: {
      from: 'GOALS_SET',
      to: 'MID_YEAR_REPORTED',
      authority: 'OWN_OR_ABOVE' as Authority,
      label: 'the mid-year report (年中汇报)',
      done: 'The mid-year report (年中汇报) was already recorded',
      earliest: '06-01',
    },
    yearEndAssessment: {
      from: 'MID_YEAR_REPORTED',
      to: 'ASSESSED',
      authority: 'ABOVE' as Authority,
      label: 'the year-end assessment (年末考核)',
      done: 'The year-end assessment (年末考核) was already recorded',
      earliest: '12-01',
    },
  },
);
export type CommitmentSheetStage = (typeof COMMITMENT_SHEET_STEPS.states)[number];
export type CommitmentStep = keyof typeof COMMITMENT_SHEET_STEPS.steps;

/** The first Shanghai date of the sheet's year on which the step may be dated. */
export const earliestDate = (year: number, step: CommitmentStep) =>
  `${year}-${COMMITMENT_SHEET_STEPS.steps[step].earliest}`;
