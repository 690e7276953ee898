import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { monthTotalId } from '../account/account';
import { bulkWriteAll, insertIgnoringDuplicates } from './bulk-writes';
import {
  planGrants,
  planWallets,
  type Grant,
  type TotalWrite,
  type WalletWrite,
} from './batch-grants';
import {
  APPLICATION_MODEL,
  LEDGER_ENTRY_MODEL,
  MONTH_TOTAL_MODEL,
  WALLET_MODEL,
  type LedgerApplication,
  type LedgerEntry,
  type MonthTotal,
  type PlannedEntry,
  type Wallet,
} from './ledger.schemas';

/** Compare-and-set rounds before a batch gives up (its events are then handled one by one). */
const MAX_ROUNDS = 40;

/** Runs after applications' entries are all stored (e.g. firm bonus tiers). */
export type AppliedListener = (applications: readonly LedgerApplication[]) => Promise<void>;

const jitter = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 20)));

/**
 * Carries out applications' plans, exactly once in effect however often and however
 * concurrently they are run (several partitions, a redelivery after a crash), without
 * multi-document transactions, in a constant number of commands per batch:
 *
 * 1. read the entries' month totals and members' wallets (`$in`), then which entries are stored;
 * 2. in entry order (batch-grants.ts), grant each entry not stored and not already held; each
 *    month total takes its entries' requests and grants in one compare-and-set on the version
 *    read, remembering each grant in `pending` (a retry finds it there); then each wallet
 *    takes its members' grants the same way;
 * 3. the entries are inserted (unique ids), their pending marks settled (totals, then
 *    wallets, bumping the versions), the listeners told and the plans marked DONE.
 *
 * Reading the totals and wallets before the stored ids makes a compare-and-set that holds one
 * decision with that check: a run that stored and settled an entry in between has bumped the
 * version. The totals or wallets whose compare-and-set failed (another partition's batch
 * touched the same branch's month meanwhile) are not retried entry by entry: their entries go
 * through steps 1-2 again as one smaller batch, until none is left.
 */
@Injectable()
export class LedgerWriter {
  private readonly listeners: AppliedListener[] = [];
  /** The end of the last batch's turn at the month totals and wallets (see executeAll). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(MONTH_TOTAL_MODEL) private readonly totals: Model<MonthTotal>,
    @InjectModel(WALLET_MODEL) private readonly wallets: Model<Wallet>,
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
  ) {}

  onApplied(listener: AppliedListener): void {
    this.listeners.push(listener);
  }

  execute(application: LedgerApplication): Promise<void> {
    return this.executeAll([application]);
  }

  /** Carries out the PLANNED applications among these, in order. */
  async executeAll(applications: readonly LedgerApplication[]): Promise<void> {
    const planned = [
      ...new Map(applications.filter((a) => a.state === 'PLANNED').map((a) => [a._id, a])).values(),
    ];
    if (!planned.length) return;
    const recordedAt = new Date();
    const sourceOf = new Map(
      planned.flatMap((a) => a.entries.map((e) => [String(e.entryId), a] as const)),
    );
    const all = planned.flatMap((a) => a.entries);
    // The batches of one process's partitions take turns from the first read of the totals to
    // the settling: they touch mostly the same documents (a branch's month takes shares from
    // every partition, a member's claims spread over all of them), so running them at once
    // would only make their compare-and-sets fail each other; the database does the work
    // either way. Across processes the compare-and-set rounds decide.
    await this.inTurn(async () => {
      const grants = await this.grantAll(all);
      await insertIgnoringDuplicates(
        this.entries,
        grants.map(({ entry, granted }) =>
          entryDocument(sourceOf.get(String(entry.entryId))!, entry, granted, recordedAt),
        ),
      );
      await this.settle(all);
    });
    for (const listener of this.listeners) await listener(planned);
    await this.applications.updateMany(
      { _id: { $in: planned.map((a) => a._id) }, state: 'PLANNED' },
      { $set: { state: 'DONE' } },
    );
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /**
   * Steps 1-2 for every entry, in rounds of the ones whose compare-and-set failed; returns the
   * grants of the entries that are not stored yet, each held by its month total and wallet.
   */
  private async grantAll(entries: readonly PlannedEntry[]): Promise<Grant[]> {
    const done: Grant[] = [];
    let left = entries;
    for (let round = 0; left.length; round++) {
      if (round === MAX_ROUNDS) throw new Error(`month totals or wallets kept changing`);
      if (round > 0) await jitter();
      const [totals, wallets] = await Promise.all([
        this.totals
          .find({ _id: { $in: [...new Set(left.map((e) => monthTotalId(e.account, e.month)))] } })
          .lean<MonthTotal[]>(),
        this.wallets
          .find({
            _id: { $in: [...new Set(memberEntries(left).map((e) => e.account))] },
          })
          .lean<Wallet[]>(),
      ]);
      const stored = await this.storedIds(left.map((e) => e.entryId));
      const plan = planGrants(left, new Map(totals.map((t) => [t._id, t])), stored);
      // When a compare-and-set fails, which ones held is not told per document: the next round
      // reads them again, and finds the grants that did go through held by their months.
      if (!(await this.writeTotals(plan.writes))) {
        left = [...plan.held, ...plan.granted].map((g) => g.entry);
        continue;
      }
      const held = [...plan.held, ...plan.granted];
      const walletWrites = planWallets(held, new Map(wallets.map((w) => [w._id, w])));
      if (!(await this.writeWallets(walletWrites))) {
        const retry = new Set(walletWrites.map((w) => w._id));
        done.push(...held.filter((g) => !retry.has(g.entry.account)));
        left = held.filter((g) => retry.has(g.entry.account)).map((g) => g.entry);
        continue;
      }
      done.push(...held);
      left = [];
    }
    return done;
  }

  private writeTotals(writes: readonly TotalWrite[]): Promise<boolean> {
    return writeMonthTotals(this.totals, writes);
  }

  /** The compare-and-set writes of wallets; false when some did not hold. */
  private writeWallets(writes: readonly WalletWrite[]): Promise<boolean> {
    return bulkWriteAll(
      this.wallets,
      writes.map((w) => ({
        updateOne: {
          filter: { _id: w._id, v: w.v },
          update: {
            $inc: { available: w.delta, earned: w.delta, v: 1 },
            $push: { pending: { $each: w.ops } },
            $setOnInsert: { spent: 0 },
          },
          upsert: w.insert,
        },
      })),
    );
  }

  /**
   * Pulls the entries' pending marks once they are stored: the totals first, then the wallets,
   * so that a wallet is never settled while its month still holds the grant (a retry would
   * then see the grant held and the wallet without it).
   */
  private async settle(entries: readonly PlannedEntry[]): Promise<void> {
    const byTotal = groupIds(entries, (e) => monthTotalId(e.account, e.month));
    await bulkWriteAll(
      this.totals,
      [...byTotal].map(([_id, ids]) => ({
        updateOne: {
          filter: { _id, 'pending.entryId': { $in: ids } },
          update: { $pull: { pending: { entryId: { $in: ids } } }, $inc: { v: 1 } },
        },
      })),
    );
    const byWallet = groupIds(memberEntries(entries), (e) => e.account);
    await bulkWriteAll(
      this.wallets,
      [...byWallet].map(([_id, ids]) => ({
        updateOne: {
          filter: { _id, 'pending.opId': { $in: ids } },
          update: { $pull: { pending: { opId: { $in: ids } } }, $inc: { v: 1 } },
        },
      })),
    );
  }

  private async storedIds(ids: Types.ObjectId[]): Promise<Set<string>> {
    const found = await this.entries.find({ _id: { $in: ids } }, { _id: 1 }).lean();
    return new Set(found.map((d) => String(d._id)));
  }
}

const memberEntries = (entries: readonly PlannedEntry[]) =>
  entries.filter((e) => e.accountKind === 'MEMBER');

function groupIds(
  entries: readonly PlannedEntry[],
  keyOf: (e: PlannedEntry) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    const key = keyOf(e);
    groups.set(key, [...(groups.get(key) ?? []), String(e.entryId)]);
  }
  return groups;
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

/** The compare-and-set writes of month totals; false when some did not hold. */
export function writeMonthTotals(
  model: Model<MonthTotal>,
  writes: readonly TotalWrite[],
): Promise<boolean> {
  return bulkWriteAll(
    model,
    writes.map((w) => ({
      updateOne: {
        filter: { _id: w._id, v: w.v },
        update: {
          $inc: { requested: w.requested, granted: w.granted, v: 1 },
          $push: { pending: { $each: w.pending } },
          $setOnInsert: {
            account: w.entry.account,
            accountKind: w.entry.accountKind,
            accountId: w.entry.accountId,
            month: w.entry.month,
            quarter: w.entry.quarter,
            cap: w.entry.cap,
          },
        },
        upsert: w.insert,
      },
    })),
  );
}
