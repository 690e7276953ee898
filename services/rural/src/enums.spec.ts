import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import { CADRE_ROLES, CADRE_ROLE_LABELS } from './commitment-sheet/commitment-sheet-steps';
import { CONTEST_STATUSES, CONTEST_STATUS_LABELS } from './contest/contest.schema';
import {
  RURAL_FUNDING_TYPES,
  RURAL_FUNDING_TYPE_LABELS,
  RURAL_PROJECT_KINDS,
  RURAL_PROJECT_KIND_LABELS,
} from './project/project.enums';

import { COMMITMENT_SHEET_STEPS } from './commitment-sheet/commitment-sheet-steps';
import { FUND_STEPS } from './fund/fund-steps';
import { RURAL_PROJECT_STEPS } from './project/rural-project-steps';
import { SECRETARY_PROJECT_STEPS } from './secretary-project/secretary-project-steps';
// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    FundStage: { values: FUND_STEPS.states, labels: FUND_STEPS.labels },
    SecretaryProjectState: {
      values: SECRETARY_PROJECT_STEPS.states,
      labels: SECRETARY_PROJECT_STEPS.labels,
    },
    ContestStatus: { values: CONTEST_STATUSES, labels: CONTEST_STATUS_LABELS },
    CommitmentSheetStage: {
      values: COMMITMENT_SHEET_STEPS.states,
      labels: COMMITMENT_SHEET_STEPS.labels,
    },
    CadreRole: { values: CADRE_ROLES, labels: CADRE_ROLE_LABELS },
    RuralProjectKind: { values: RURAL_PROJECT_KINDS, labels: RURAL_PROJECT_KIND_LABELS },
    RuralProjectStatus: { values: RURAL_PROJECT_STEPS.states, labels: RURAL_PROJECT_STEPS.labels },
    RuralFundingType: { values: RURAL_FUNDING_TYPES, labels: RURAL_FUNDING_TYPE_LABELS },
  },
};

describeEnumSources('rural', __dirname, ENUMS);
