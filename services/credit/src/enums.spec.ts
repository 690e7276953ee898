import { MEETING_KINDS_V1, MEETING_KIND_LABELS } from '@jiceng/events';
import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import { ACCOUNT_KINDS, ACCOUNT_KIND_LABELS } from './account/account';
import { ENTRY_KINDS, ENTRY_KIND_LABELS } from './ledger/ledger.schemas';
import { LETTER_KIND_LABELS } from './ranking/letter.schemas';
import { CATALOGUE_CATEGORIES, CATALOGUE_CATEGORY_LABELS } from './redemption/redemption.schemas';
import { REDEMPTION_ORDER_STEPS } from './redemption/redemption-order-steps';
import { POINTS_BASES, SHARE_MODES } from './rules/credit-rules';
import { BASIS_LABELS, SHARE_LABELS } from './rules/credit-rules.resolver';
import { EARN_ROLES, EARN_ROLE_LABELS } from './rules/scoring';

// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    AccountKind: { values: ACCOUNT_KINDS, labels: ACCOUNT_KIND_LABELS },
    LedgerEntryKind: { values: ENTRY_KINDS, labels: ENTRY_KIND_LABELS },
    EarnRole: { values: EARN_ROLES, labels: EARN_ROLE_LABELS },
    LetterKind: { labels: LETTER_KIND_LABELS },
    CatalogueCategory: { values: CATALOGUE_CATEGORIES, labels: CATALOGUE_CATEGORY_LABELS },
    OrderState: { values: REDEMPTION_ORDER_STEPS.states, labels: REDEMPTION_ORDER_STEPS.labels },
    // The members subgraph's enum (see credit-rules.graphql): the same copies check both.
    MeetingKind: { values: MEETING_KINDS_V1, labels: MEETING_KIND_LABELS },
    PointsBasis: { values: POINTS_BASES, labels: BASIS_LABELS },
    ShareMode: { values: SHARE_MODES, labels: SHARE_LABELS },
  },
};

describeEnumSources('credit', __dirname, ENUMS);
