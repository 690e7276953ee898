import { Schema } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';

export const FIRM_BONUS_MODEL = 'FirmBonus';

/**
 * A firm's credit bonus tier for one quarter (`_id` = `<firmId>|<quarter>`). A tier change and
 * its `jiceng.credit.firm-bonus.v1` event are one write: the event rides in the embedded outbox.
 */
export interface FirmBonus {
  _id: string;
  firmId: string;
  creditCode: string;
  period: string;
  tier: string;
  tierLabel: string;
  previousTier: string | null;
  /** The quarter's points when the tier last changed. */
  points: number;
  bonusScore: number;
  ruleVersion: string;
  /** Increases with every tier change; the compare-and-set guard of the next one. */
  sequence: number;
  changedAt: Date;
  outbox: OutboxRecord[];
}

export const firmBonusSchema = new Schema<FirmBonus>(
  {
    _id: { type: String, required: true },
    firmId: { type: String, required: true },
    creditCode: { type: String, required: true },
    period: { type: String, required: true },
    tier: { type: String, required: true },
    tierLabel: { type: String, required: true },
    previousTier: { type: String, default: null },
    points: { type: Number, required: true },
    bonusScore: { type: Number, required: true },
    ruleVersion: { type: String, required: true },
    sequence: { type: Number, required: true },
    changedAt: { type: Date, required: true },
  },
  { collection: 'firm_bonuses', versionKey: false },
);
withOutbox(firmBonusSchema);
firmBonusSchema.index({ period: 1, tier: 1 });
