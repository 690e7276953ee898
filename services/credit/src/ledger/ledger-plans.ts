import { Types, type Model } from 'mongoose';
import { periodStart, shanghaiMonth, shanghaiQuarter } from '@jiceng/calendar';
import { onlyDuplicateKeys } from './bulk-writes';
import type { CreditRuleSet } from '../rules/credit-rules';
import type { CreditRulesService } from '../rules/credit-rules.service';
import type { Earning } from '../rules/scoring';
import type { LedgerApplication, PlannedEntry } from './ledger.schemas';

// What every source of earnings (check-ins, station visits) shares when it plans an application
// for the ledger writer.

/** The version that scores an earning at `at`, and the caps of its month (see caps.ts). */
export async function scoringRules(
  rules: CreditRulesService,
  at: Date,
): Promise<{ rule: CreditRuleSet; caps: CreditRuleSet['monthlyCaps'] }> {
  const rule = await rules.at(at);
  const periodRule = await rules.at(periodStart(shanghaiMonth(at)));
  return { rule, caps: periodRule.monthlyCaps };
}

/** The EARN entries of earnings scored by `ruleVersion` at `at`, in the month of `at`. */
export function earnEntries(
  earnings: readonly Earning[],
  ruleVersion: string,
  caps: CreditRuleSet['monthlyCaps'],
  at: Date,
): PlannedEntry[] {
  const month = shanghaiMonth(at);
  const quarter = shanghaiQuarter(at);
  return earnings.map((e) => ({
    entryId: new Types.ObjectId(),
    account: e.account,
    accountKind: e.accountKind,
    accountId: e.accountId,
    kind: 'EARN',
    role: e.role,
    requested: e.requested,
    ruleVersion,
    month,
    quarter,
    cap: caps[e.accountKind],
    reversesEntryId: null,
  }));
}

/**
 * Stores plans in one insert and returns, in the same order, the plans stored for their events:
 * these, or the ones another run stored first (read again only when some were).
 */
export async function storePlans(
  applications: Model<LedgerApplication>,
  plans: readonly LedgerApplication[],
): Promise<LedgerApplication[]> {
  if (!plans.length) return [];
  try {
    await applications.insertMany(plans, { ordered: false });
    return [...plans];
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
  const stored = await applications
    .find({ _id: { $in: plans.map((p) => p._id) } })
    .lean<LedgerApplication[]>();
  const byId = new Map(stored.map((a) => [a._id, a]));
  return plans.map((p) => {
    const found = byId.get(p._id);
    if (!found) throw new Error(`plan ${p._id} was neither stored nor found`);
    return found;
  });
}

/**
 * Indexes of items in rounds in which each key appears once, each key's items in order; copies
 * of an item (same id) after its first are returned apart.
 */
export function roundsBy<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  keyOf: (item: T) => string,
): { rounds: number[][]; copies: number[] } {
  const rounds: number[][] = [];
  const copies: number[] = [];
  const seen = new Set<string>();
  const depth = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const id = idOf(item);
    if (seen.has(id)) {
      copies.push(index);
      continue;
    }
    seen.add(id);
    const key = keyOf(item);
    const k = depth.get(key) ?? 0;
    depth.set(key, k + 1);
    (rounds[k] ??= []).push(index);
  }
  return { rounds, copies };
}
