import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import {
  CADRE_ROLES,
  CADRE_ROLE_LABELS,
  COMMITMENT_SHEET_STAGES,
  COMMITMENT_SHEET_STAGE_LABELS,
} from './commitment-sheet/commitment-sheet-stage';
import { CONTEST_STATUSES, CONTEST_STATUS_LABELS } from './contest/contest.schema';
import { FUND_STAGES, FUND_STAGE_LABELS } from './fund/fund-stage';
import {
  RURAL_FUNDING_TYPES,
  RURAL_FUNDING_TYPE_LABELS,
  RURAL_PROJECT_KINDS,
  RURAL_PROJECT_KIND_LABELS,
  RURAL_PROJECT_STATUSES,
  RURAL_PROJECT_STATUS_LABELS,
} from './project/project.enums';
import {
  SECRETARY_PROJECT_STATES,
  SECRETARY_PROJECT_STATE_LABELS,
} from './secretary-project/secretary-project-state';

// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    FundStage: { values: FUND_STAGES, labels: FUND_STAGE_LABELS },
    SecretaryProjectState: {
      values: SECRETARY_PROJECT_STATES,
      labels: SECRETARY_PROJECT_STATE_LABELS,
    },
    ContestStatus: { values: CONTEST_STATUSES, labels: CONTEST_STATUS_LABELS },
    CommitmentSheetStage: {
      values: COMMITMENT_SHEET_STAGES,
      labels: COMMITMENT_SHEET_STAGE_LABELS,
    },
    CadreRole: { values: CADRE_ROLES, labels: CADRE_ROLE_LABELS },
    RuralProjectKind: { values: RURAL_PROJECT_KINDS, labels: RURAL_PROJECT_KIND_LABELS },
    RuralProjectStatus: { values: RURAL_PROJECT_STATUSES, labels: RURAL_PROJECT_STATUS_LABELS },
    RuralFundingType: { values: RURAL_FUNDING_TYPES, labels: RURAL_FUNDING_TYPE_LABELS },
  },
};

describeEnumSources('rural', __dirname, ENUMS);
