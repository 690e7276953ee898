import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { monthTotalId } from '../account/account';
import { grantFor } from './caps';
import {
  APPLICATION_MODEL,
  LEDGER_ENTRY_MODEL,
  MONTH_TOTAL_MODEL,
  type LedgerApplication,
  type LedgerEntry,
  type MonthTotal,
  type PlannedEntry,
} from './ledger.schemas';
import { WalletService } from './wallet.service';

const MAX_ATTEMPTS = 50;

/** Runs after an application's entries are all stored (e.g. firm bonus tiers). */
export type AppliedListener = (application: LedgerApplication) => Promise<void>;

/** Inserts documents, treating the ones already stored (duplicate keys) as done. */
export async function insertIgnoringDuplicates(model: Model<any>, docs: object[]): Promise<void> {
  if (!docs.length) return;
  try {
    await model.insertMany(docs, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] })
      .writeErrors;
    const allDuplicates =
      isDuplicateKeyError(error) &&
      (!writeErrors || writeErrors.every((e) => (e.code ?? e.err?.code) === 11000));
    if (!allDuplicates) throw error;
  }
}

/**
 * Carries out an application's plan, exactly once in effect however often and however
 * concurrently it is run, without multi-document transactions:
 *
 * 1. per entry, the account's month total takes the entry's request and grant in one
 *    compare-and-set, remembering the grant in `pending` (a retry finds it there);
 * 2. a member's wallet takes the grant the same way;
 * 3. the entries are inserted (unique per source event and account);
 * 4. the pending marks are settled, bumping the versions.
 *
 * An entry that is stored means steps 1-2 are complete for it: a run that finds neither a pending
 * mark nor the entry, and whose compare-and-set still holds, is the first.
 */
@Injectable()
export class LedgerWriter {
  private readonly listeners: AppliedListener[] = [];

  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(MONTH_TOTAL_MODEL) private readonly totals: Model<MonthTotal>,
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    private readonly wallets: WalletService,
  ) {}

  onApplied(listener: AppliedListener): void {
    this.listeners.push(listener);
  }

  async execute(application: LedgerApplication): Promise<void> {
    if (application.state !== 'PLANNED') return;
    const recordedAt = new Date();
    // The fast path reads every month total and wallet first, then which entries are stored:
    // in that order, a compare-and-set on the versions read cannot apply an entry twice (a
    // run that stored and settled it in between has bumped the version). A failed
    // compare-and-set falls back to the per-entry loop.
    const entries = application.entries;
    const [totals, wallets] = await Promise.all([
      this.totals
        .find({ _id: { $in: entries.map((e) => monthTotalId(e.account, e.month)) } })
        .lean<MonthTotal[]>(),
      this.wallets.findByIds(
        entries.filter((e) => e.accountKind === 'MEMBER').map((e) => e.account),
      ),
    ]);
    const stored = await this.storedIds(entries.map((e) => e.entryId));
    const totalOf = new Map(totals.map((t) => [t._id, t]));
    const walletOf = new Map(wallets.map((w) => [w._id, w]));
    const docs = await Promise.all(
      entries
        .filter((e) => !stored.has(String(e.entryId)))
        .map(async (entry) => {
          const total = totalOf.get(monthTotalId(entry.account, entry.month)) ?? null;
          const granted = (await this.tryGrant(entry, total)) ?? (await this.grant(entry));
          if (granted === null) return null;
          if (entry.accountKind === 'MEMBER' && granted !== 0) {
            await this.wallets.earn(
              entry.account,
              String(entry.entryId),
              granted,
              () => this.isStored(entry.entryId),
              walletOf.get(entry.account) ?? null,
            );
          }
          return entryDocument(application, entry, granted, recordedAt);
        }),
    );
    await insertIgnoringDuplicates(
      this.entries,
      docs.filter((d): d is LedgerEntry => d !== null),
    );
    await Promise.all(entries.map((entry) => this.settle(entry)));
    for (const listener of this.listeners) await listener(application);
    await this.applications.updateOne(
      { _id: application._id, state: 'PLANNED' },
      { $set: { state: 'DONE' } },
    );
  }

  /**
   * One compare-and-set against the total read before the stored check; null when it did not
   * hold (the slow path decides then).
   */
  private async tryGrant(entry: PlannedEntry, total: MonthTotal | null): Promise<number | null> {
    const entryId = String(entry.entryId);
    const pending = total?.pending.find((p) => p.entryId === entryId);
    if (pending) return pending.granted;
    return this.compareAndGrant(entry, total);
  }

  /**
   * The entry's grant, applied to its month once: the grant already recorded, or null when the
   * entry is stored (and so fully applied by another run).
   */
  private async grant(entry: PlannedEntry): Promise<number | null> {
    const _id = monthTotalId(entry.account, entry.month);
    const entryId = String(entry.entryId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const total = await this.totals.findById(_id).lean<MonthTotal>();
      const pending = total?.pending.find((p) => p.entryId === entryId);
      if (pending) return pending.granted;
      if (await this.isStored(entry.entryId)) return null;
      const granted = await this.compareAndGrant(entry, total);
      if (granted !== null) return granted;
    }
    throw new Error(`month total ${_id} kept changing`);
  }

  /** Adds the entry to its month if the month is still at the version read; null otherwise. */
  private async compareAndGrant(
    entry: PlannedEntry,
    total: MonthTotal | null,
  ): Promise<number | null> {
    // The month's first entry fixes its cap, so every entry of the month meets the same one.
    const cap = total ? total.cap : entry.cap;
    const granted = grantFor(cap, total?.requested ?? 0, entry.requested);
    try {
      const res = await this.totals.updateOne(
        { _id: monthTotalId(entry.account, entry.month), v: total?.v ?? 0 },
        {
          $inc: { requested: entry.requested, granted, v: 1 },
          $push: { pending: { entryId: String(entry.entryId), granted } },
          $setOnInsert: {
            account: entry.account,
            accountKind: entry.accountKind,
            accountId: entry.accountId,
            month: entry.month,
            quarter: entry.quarter,
            cap,
          },
        },
        { upsert: !total },
      );
      return res.modifiedCount || res.upsertedCount ? granted : null;
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  private async settle(entry: PlannedEntry): Promise<void> {
    const entryId = String(entry.entryId);
    await this.totals.updateOne(
      { _id: monthTotalId(entry.account, entry.month), 'pending.entryId': entryId },
      { $pull: { pending: { entryId } }, $inc: { v: 1 } },
    );
    if (entry.accountKind === 'MEMBER') await this.wallets.settle(entry.account, [entryId]);
  }

  private async storedIds(ids: Types.ObjectId[]): Promise<Set<string>> {
    const found = await this.entries.find({ _id: { $in: ids } }, { _id: 1 }).lean();
    return new Set(found.map((d) => String(d._id)));
  }

  private async isStored(id: Types.ObjectId): Promise<boolean> {
    return (await this.entries.countDocuments({ _id: id })) > 0;
  }
}

function entryDocument(
  application: LedgerApplication,
  entry: PlannedEntry,
  granted: number,
  recordedAt: Date,
): LedgerEntry {
  return {
    _id: entry.entryId,
    sourceEventId: application._id,
    account: entry.account,
    accountKind: entry.accountKind,
    accountId: entry.accountId,
    kind: entry.kind,
    role: entry.role,
    points: granted,
    requestedPoints: entry.requested,
    capped: granted !== entry.requested,
    ruleVersion: entry.ruleVersion,
    month: entry.month,
    quarter: entry.quarter,
    occurredAt: application.occurredAt,
    recordedAt,
    claimId: application.claimId,
    visitId: application.visitId ?? null,
    orderId: null,
    reversesEntryId: entry.reversesEntryId,
  };
}
