import { monthTotalId } from '../account/account';
import { grantFor } from './caps';
import type { MonthTotal, PendingGrant, PlannedEntry, Wallet, WalletOp } from './ledger.schemas';

// The in-memory half of the batched ledger writer: given the month totals, wallets and stored
// entry ids read for a batch (in that order, see LedgerWriter), decides in entry order what each
// entry is granted and which compare-and-set write each month total and wallet takes. Pure, so
// the cap arithmetic over a batch is tested without servers.

/** An entry with what it moves its month by. */
export interface Grant {
  entry: PlannedEntry;
  granted: number;
}

/** One month total's share of a batch: a compare-and-set on the version read (0: a new one). */
export interface TotalWrite {
  _id: string;
  v: number;
  insert: boolean;
  requested: number;
  granted: number;
  pending: PendingGrant[];
  /** The month's cap and account, for a total created now. */
  entry: PlannedEntry;
}

export interface GrantPlan {
  /** Entries already stored, so applied in full by another run: nothing more to grant. */
  stored: PlannedEntry[];
  /** Entries whose month already holds their grant (a pending mark from an earlier attempt). */
  held: Grant[];
  /** Entries granted by this batch's writes. */
  granted: Grant[];
  writes: TotalWrite[];
}

export function planGrants(
  entries: readonly PlannedEntry[],
  totals: ReadonlyMap<string, MonthTotal>,
  stored: ReadonlySet<string>,
): GrantPlan {
  const plan: GrantPlan = { stored: [], held: [], granted: [], writes: [] };
  const writes = new Map<string, TotalWrite>();
  for (const entry of entries) {
    const entryId = String(entry.entryId);
    const _id = monthTotalId(entry.account, entry.month);
    const total = totals.get(_id);
    const pending = total?.pending.find((p) => p.entryId === entryId);
    // A stored entry had its month and wallet steps completed before it was stored.
    if (stored.has(entryId)) plan.stored.push(entry);
    else if (pending) plan.held.push({ entry, granted: pending.granted });
    else {
      let write = writes.get(_id);
      if (!write) {
        write = {
          _id,
          v: total?.v ?? 0,
          insert: !total,
          requested: 0,
          granted: 0,
          pending: [],
          entry,
        };
        writes.set(_id, write);
      }
      // The month's first entry fixes its cap, so every entry of the month meets the same one;
      // entries of one batch are granted in order, each after those before it.
      const cap = total ? total.cap : write.entry.cap;
      const granted = grantFor(cap, (total?.requested ?? 0) + write.requested, entry.requested);
      write.requested += entry.requested;
      write.granted += granted;
      write.pending.push({ entryId, granted });
      plan.granted.push({ entry, granted });
    }
  }
  plan.writes = [...writes.values()];
  return plan;
}

/** One wallet's share of a batch: a compare-and-set on the version read (0: a new one). */
export interface WalletWrite {
  _id: string;
  v: number;
  insert: boolean;
  delta: number;
  ops: WalletOp[];
}

/** The wallet writes of members' grants the wallets do not hold yet (zero grants move nothing). */
export function planWallets(
  grants: readonly Grant[],
  wallets: ReadonlyMap<string, Wallet>,
): WalletWrite[] {
  const writes = new Map<string, WalletWrite>();
  for (const { entry, granted } of grants) {
    if (entry.accountKind !== 'MEMBER' || granted === 0) continue;
    const opId = String(entry.entryId);
    const wallet = wallets.get(entry.account);
    if (wallet?.pending.some((p) => p.opId === opId)) continue;
    let write = writes.get(entry.account);
    if (!write) {
      write = { _id: entry.account, v: wallet?.v ?? 0, insert: !wallet, delta: 0, ops: [] };
      writes.set(entry.account, write);
    }
    write.delta += granted;
    write.ops.push({ opId, delta: granted });
  }
  return [...writes.values()];
}
