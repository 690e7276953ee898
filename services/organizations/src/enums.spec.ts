import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import { FIRM_STATUSES, FIRM_STATUS_LABELS } from './firm/firm.enums';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_SECTORS,
  ORGANIZATION_SECTOR_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_STATUS_LABELS,
} from '@jiceng/events';
import {
  JOINT_PROJECT_STATUSES,
  JOINT_PROJECT_STATUS_LABELS,
  PAIRING_KINDS,
  PAIRING_KIND_LABELS,
  PAIRING_STATUSES,
  PAIRING_STATUS_LABELS,
} from './pairing/pairing.enums';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from './project/construction-project-steps';
import {
  SERVICE_CENTER_KINDS,
  SERVICE_CENTER_KIND_LABELS,
  SERVICE_CENTER_LEVELS,
  SERVICE_CENTER_LEVEL_LABELS,
  STANDARD_ITEMS,
  STANDARD_ITEM_LABELS,
} from './service-center/service-center.enums';
import { INSPECTION_CHECKS, INSPECTION_CHECK_LABELS } from './star-rating/star-rating.enums';
import { STAR_RATING_STEPS } from './star-rating/star-rating-steps';
// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    OrganizationKind: { values: ORGANIZATION_KINDS, labels: ORGANIZATION_KIND_LABELS },
    OrganizationSector: { values: ORGANIZATION_SECTORS, labels: ORGANIZATION_SECTOR_LABELS },
    OrganizationStatus: { values: ORGANIZATION_STATUSES, labels: ORGANIZATION_STATUS_LABELS },
    ConstructionFirmStatus: { values: FIRM_STATUSES, labels: FIRM_STATUS_LABELS },
    ConstructionProjectStatus: { values: PROJECT_STATUSES, labels: PROJECT_STATUS_LABELS },
    PairingKind: { values: PAIRING_KINDS, labels: PAIRING_KIND_LABELS },
    PairingStatus: { values: PAIRING_STATUSES, labels: PAIRING_STATUS_LABELS },
    JointProjectStatus: { values: JOINT_PROJECT_STATUSES, labels: JOINT_PROJECT_STATUS_LABELS },
    ServiceCenterKind: { values: SERVICE_CENTER_KINDS, labels: SERVICE_CENTER_KIND_LABELS },
    ServiceCenterLevel: { values: SERVICE_CENTER_LEVELS, labels: SERVICE_CENTER_LEVEL_LABELS },
    VenueStandardItem: { values: STANDARD_ITEMS, labels: STANDARD_ITEM_LABELS },
    StarRatingStatus: { values: STAR_RATING_STEPS.states, labels: STAR_RATING_STEPS.labels },
    InspectionCheck: { values: INSPECTION_CHECKS, labels: INSPECTION_CHECK_LABELS },
  },
};

describeEnumSources('organizations', __dirname, ENUMS);
