import { Types, type Model } from 'mongoose';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { monthOf, periodStart, quarterOf } from '../period/period';
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
  const periodRule = await rules.at(periodStart(monthOf(at)));
  return { rule, caps: periodRule.monthlyCaps };
}

/** The EARN entries of earnings scored by `ruleVersion` at `at`, in the month of `at`. */
export function earnEntries(
  earnings: readonly Earning[],
  ruleVersion: string,
  caps: CreditRuleSet['monthlyCaps'],
  at: Date,
): PlannedEntry[] {
  const month = monthOf(at);
  const quarter = quarterOf(at);
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

/** Stores a plan, or returns the one stored first for the same event. */
export async function storePlan(
  applications: Model<LedgerApplication>,
  application: LedgerApplication,
): Promise<LedgerApplication> {
  try {
    await applications.create(application);
    return application;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return (await applications.findById(application._id).lean<LedgerApplication>())!;
  }
}
