import { Schema } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';

export const FIRM_BONUS_MODEL = 'FirmBonus';

/**
 * A firm's credit bonus tier for one quarter (`_id` = `<firmId>|<quarter>`). `tier` is where the
 * points stand now; an announcement (see tier-settling.ts) and its `jiceng.credit.firm-bonus.v1`
 * event are one write: the event rides in the embedded outbox.
 */
export interface FirmBonus {
  _id: string;
  firmId: string;
  creditCode: string;
  period: string;
  tier: string;
  tierLabel: string;
  /** The quarter's points the tier was last evaluated with (joint-building bonuses included where the rules count them). */
  points: number;
  bonusScore: number;
  ruleVersion: string;
  /** When `tier` last changed. */
  changedAt: Date;
  /** The tier last announced (null: never; records before announcements settled lack it and were announced at every change). */
  announcedTier?: string | null;
  /** The tier announced before that one, the `previousTier` of the last event. */
  previousTier: string | null;
  /** Announcements so far: the last event's sequence. */
  sequence: number;
  announcedAt?: Date;
  /** A pending announcement: since when, and when it is due (absent when nothing is pending). */
  pendingSince?: Date;
  settleAt?: Date;
  /** Increases with every write; the compare-and-set guard of the next one (absent on older records). */
  revision?: number;
  outbox: OutboxRecord[];
}

/** Records written before announcements settled were announced at every tier change. */
export const announcedTierOf = (bonus: FirmBonus): string | null =>
  bonus.announcedTier === undefined ? bonus.tier : bonus.announcedTier;

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
    announcedTier: { type: String, default: null },
    announcedAt: { type: Date },
    pendingSince: { type: Date },
    settleAt: { type: Date },
    revision: { type: Number },
  },
  { collection: 'firm_bonuses', versionKey: false },
);
withOutbox(firmBonusSchema);
firmBonusSchema.index({ period: 1, tier: 1 });
// The announcement sweep's query; only records with an announcement pending carry the field.
firmBonusSchema.index({ settleAt: 1 }, { sparse: true });
