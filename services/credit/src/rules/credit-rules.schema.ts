import { Schema } from 'mongoose';
import type { StoredRuleSet } from './credit-rules';

export const CREDIT_RULES_MODEL = 'CreditRules';

/**
 * One version of the rules; `_id` is the version name. Versions are added, never changed: read
 * them through `storedRule`, which gives fields added since a version was stored their zero.
 */
export type CreditRulesDoc = StoredRuleSet & {
  _id: string;
  createdAt: Date;
};

const share = { mode: { type: String, required: true }, value: { type: Number, required: true } };
const points = {
  basis: { type: String, required: true },
  pointsPerHour: { type: Number, required: true },
};

export const creditRulesSchema = new Schema<CreditRulesDoc>(
  {
    _id: { type: String, required: true },
    version: { type: String, required: true },
    effectiveFrom: { type: Date, required: true },
    description: { type: String, required: true },
    memberPoints: points,
    organizationClaimPoints: points,
    branchShare: share,
    unitShare: share,
    firmShare: share,
    // Not required: versions stored before it existed lack it.
    stationVisitPoints: { operator: { type: Number } },
    // Not required: older versions lack them (storedRule reads the defaults). perKind is a map
    // by kind code (Mixed: kinds may be added to the contract); a version stores every kind.
    meetingPoints: {
      type: new Schema(
        {
          perKind: { type: Schema.Types.Mixed, required: true },
          branchShare: share,
          firmShare: share,
          memberMonthlyCap: { type: Number, required: true },
        },
        { _id: false },
      ),
    },
    bonuses: {
      type: new Schema(
        {
          fiveStarRating: { type: Number, required: true },
          jointProjectCompleted: { type: Number, required: true },
          firmTierCountsJointBuilding: { type: Boolean, required: true },
        },
        { _id: false },
      ),
    },
    householdVisitPoints: {
      type: new Schema(
        { member: { type: Number, required: true }, branchShare: share },
        { _id: false },
      ),
    },
    monthlyCaps: {
      MEMBER: { type: Number, required: true },
      ORGANIZATION: { type: Number, required: true },
      FIRM: { type: Number, required: true },
    },
    firmBonusTiers: [
      {
        _id: false,
        tier: { type: String, required: true },
        label: { type: String, required: true },
        minPoints: { type: Number, required: true },
        bonusScore: { type: Number, required: true },
      },
    ],
    letters: {
      memberTop: { type: Number, required: true },
      memberBottom: { type: Number, required: true },
      organizationTop: { type: Number, required: true },
      organizationBottom: { type: Number, required: true },
    },
    createdAt: { type: Date, required: true },
  },
  { collection: 'credit_rules', versionKey: false },
);
// Two versions never take effect at the same instant.
creditRulesSchema.index({ effectiveFrom: 1 }, { unique: true });
