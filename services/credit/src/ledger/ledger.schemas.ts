import { Schema, type Types } from 'mongoose';
import type { AccountKind } from '../account/account';
import type { EarnRole } from '../rules/scoring';

export const LEDGER_ENTRY_MODEL = 'LedgerEntry';
export const APPLICATION_MODEL = 'LedgerApplication';
export const MONTH_TOTAL_MODEL = 'MonthTotal';
export const WALLET_MODEL = 'Wallet';
export const CLAIM_STATE_MODEL = 'ClaimState';
export const PARKED_CHECKIN_MODEL = 'ParkedCheckIn';

export const ENTRY_KINDS = ['EARN', 'REVERSAL', 'SPEND', 'REFUND', 'BONUS'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  EARN: '积分',
  REVERSAL: '冲正',
  SPEND: '兑换',
  REFUND: '兑换退还',
  BONUS: '奖励加分',
};

/**
 * One effect on one account, never edited: a correction is another entry. Unique per source
 * event and account, so a redelivered event can never add a second one.
 */
export interface LedgerEntry {
  _id: Types.ObjectId;
  sourceEventId: string;
  account: string;
  accountKind: AccountKind;
  accountId: string;
  kind: EntryKind;
  role: EarnRole | null;
  /** What the account's month actually moved by (after the cap). */
  points: number;
  /** What the rule asked for before the cap (negative for a reversal or a spend). */
  requestedPoints: number;
  capped: boolean;
  ruleVersion: string | null;
  month: string;
  quarter: string;
  /** The approval's reviewedAt, the visit's visitedAt, or when an order was placed or cancelled. */
  occurredAt: Date;
  recordedAt: Date;
  claimId: string | null;
  /** The station visit (爱心驿站) an operator's entry comes from, or the household visit. */
  visitId: string | null;
  orderId: string | null;
  reversesEntryId: Types.ObjectId | null;
}

export const ledgerEntrySchema = new Schema<LedgerEntry>(
  {
    sourceEventId: { type: String, required: true },
    account: { type: String, required: true },
    accountKind: { type: String, required: true },
    accountId: { type: String, required: true },
    kind: { type: String, required: true },
    role: { type: String, default: null },
    points: { type: Number, required: true },
    requestedPoints: { type: Number, required: true },
    capped: { type: Boolean, required: true },
    ruleVersion: { type: String, default: null },
    month: { type: String, required: true },
    quarter: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    claimId: { type: String, default: null },
    visitId: { type: String, default: null },
    orderId: { type: String, default: null },
    reversesEntryId: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'ledger_entries', versionKey: false },
);
// The idempotency guarantee: one entry per source event and account.
ledgerEntrySchema.index({ sourceEventId: 1, account: 1 }, { unique: true });
ledgerEntrySchema.index({ account: 1, _id: 1 });
ledgerEntrySchema.index({ claimId: 1 });

/** An entry as planned before it is applied; the plan fixes its id, account and request. */
export interface PlannedEntry {
  entryId: Types.ObjectId;
  account: string;
  accountKind: AccountKind;
  accountId: string;
  kind: EntryKind;
  role: EarnRole | null;
  requested: number;
  ruleVersion: string | null;
  month: string;
  quarter: string;
  /** The account's monthly cap (null: none, as for spends). */
  cap: number | null;
  reversesEntryId: Types.ObjectId | null;
}

export const APPLICATION_STATES = ['PLANNED', 'DONE', 'CANCELLED'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/**
 * What one source event (a reviewed check-in, a station visit, one version of an attendance, a
 * bonus) does to the ledger, decided once: the first write for an event is this plan (unique by
 * its source id), and every later attempt, after a crash or a redelivery, carries out the same
 * plan, whatever the projections or the rules say by then. CANCELLED marks an approval revoked before it could be applied (a parked one), so it
 * never will be.
 */
export interface LedgerApplication {
  _id: string;
  kind: 'APPROVAL' | 'REVOCATION' | 'STATION_VISIT' | 'ATTENDANCE' | 'BONUS' | 'HOUSEHOLD_VISIT';
  /** For an approval or a revocation. */
  claimId: string | null;
  /** For a station visit, or the household visit that earned a household's month. */
  visitId: string | null;
  /** For a revocation: the approval it reverses. */
  revokes: string | null;
  state: ApplicationState;
  occurredAt: Date;
  entries: PlannedEntry[];
  /**
   * For an attendance: the member's meeting points it requested before the meeting cap (negative
   * for a correction reversing them), which a later correction reverses.
   */
  meetingPoints?: number | null;
  createdAt: Date;
}

const plannedEntrySchema = new Schema<PlannedEntry>(
  {
    entryId: { type: Schema.Types.ObjectId, required: true },
    account: { type: String, required: true },
    accountKind: { type: String, required: true },
    accountId: { type: String, required: true },
    kind: { type: String, required: true },
    role: { type: String, default: null },
    requested: { type: Number, required: true },
    ruleVersion: { type: String, default: null },
    month: { type: String, required: true },
    quarter: { type: String, required: true },
    cap: { type: Number, default: null },
    reversesEntryId: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

export const applicationSchema = new Schema<LedgerApplication>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    claimId: { type: String, default: null },
    visitId: { type: String, default: null },
    revokes: { type: String, default: null },
    state: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    entries: { type: [plannedEntrySchema], default: [] },
    meetingPoints: { type: Number, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'ledger_applications', versionKey: false },
);
applicationSchema.index({ state: 1 });

/** A grant not yet matched by its stored entry; it is pulled once the entry exists. */
export interface PendingGrant {
  entryId: string;
  granted: number;
}

/**
 * An account's month: the sum requested and the sum granted (= min(cap, requested)). `v` makes
 * each change a compare-and-set; `pending` holds the grants whose entries are not stored yet, so
 * a retry finds its grant instead of adding it twice.
 */
export interface MonthTotal {
  _id: string;
  account: string;
  accountKind: AccountKind;
  accountId: string;
  month: string;
  quarter: string;
  cap: number | null;
  requested: number;
  granted: number;
  v: number;
  pending: PendingGrant[];
}

export const monthTotalSchema = new Schema<MonthTotal>(
  {
    _id: { type: String, required: true },
    account: { type: String, required: true },
    accountKind: { type: String, required: true },
    accountId: { type: String, required: true },
    month: { type: String, required: true },
    quarter: { type: String, required: true },
    cap: { type: Number, default: null },
    requested: { type: Number, required: true },
    granted: { type: Number, required: true },
    v: { type: Number, required: true },
    pending: {
      type: [new Schema<PendingGrant>({ entryId: String, granted: Number }, { _id: false })],
      default: [],
    },
  },
  { collection: 'month_totals', versionKey: false },
);
monthTotalSchema.index({ account: 1 });
monthTotalSchema.index({ accountKind: 1, month: 1 });

/**
 * A member's meeting points per month, before they reach the ledger: the same compare-and-set
 * arithmetic as an account's month, with the rules' meeting cap; its `pending` marks are never
 * pulled, so a retry of an attendance always finds the step it was granted.
 */
export const MEETING_TOTAL_MODEL = 'MeetingMonthTotal';
export const meetingTotalSchema = monthTotalSchema
  .clone()
  .set('collection', 'meeting_month_totals');

export interface WalletOp {
  opId: string;
  delta: number;
}

/**
 * A member's spendable points: one document, so an order's debit is one conditional update
 * (`available >= price`) however many orders run at once. `pending` holds the operations whose
 * ledger entry or order is not final yet, so a retry never applies one twice.
 */
export interface Wallet {
  _id: string;
  earned: number;
  spent: number;
  available: number;
  v: number;
  pending: WalletOp[];
}

export const walletSchema = new Schema<Wallet>(
  {
    _id: { type: String, required: true },
    earned: { type: Number, required: true, default: 0 },
    spent: { type: Number, required: true, default: 0 },
    available: { type: Number, required: true, default: 0 },
    v: { type: Number, required: true, default: 0 },
    pending: {
      type: [new Schema<WalletOp>({ opId: String, delta: Number }, { _id: false })],
      default: [],
    },
  },
  { collection: 'wallets', versionKey: false },
);

/** Which approval currently holds a claim: a claim earns once until that approval is revoked. */
export interface ClaimState {
  _id: string;
  approvedBy: string | null;
  revokedBy: string | null;
}

export const claimStateSchema = new Schema<ClaimState>(
  {
    _id: { type: String, required: true },
    approvedBy: { type: String, default: null },
    revokedBy: { type: String, default: null },
  },
  { collection: 'claim_states', versionKey: false },
);

/** An approval whose member the members projection did not know yet. */
export interface ParkedApproval {
  eventId: string;
  claimId: string;
  /** The CloudEvent as received. */
  event: string;
  parkedAt: Date;
}

/**
 * The approvals waiting for one member (`_id` = member id), so a member's arrival finds them
 * with one lookup by id.
 */
export interface ParkedCheckIns {
  _id: string;
  approvals: ParkedApproval[];
}

export const parkedCheckInsSchema = new Schema<ParkedCheckIns>(
  {
    _id: { type: String, required: true },
    approvals: {
      type: [
        new Schema<ParkedApproval>(
          {
            eventId: { type: String, required: true },
            claimId: { type: String, required: true },
            event: { type: String, required: true },
            parkedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'parked_checkins', versionKey: false },
);
