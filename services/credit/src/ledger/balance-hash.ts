import { createHash } from 'node:crypto';
import type { mongo } from 'mongoose';

export interface BalanceDigest {
  hash: string;
  /** The digested lines, sorted (only when asked for). */
  lines?: string[];
  /** Account months with points. */
  accountMonths: number;
  /** Members' wallets with earned points. */
  wallets: number;
  /** Firm quarters in a bonus tier. */
  firmTiers: number;
}

/**
 * A SHA-256 over every balance the topics determine, in a fixed order: each account's granted
 * and requested points per month, each member's earned points, each firm's tier per quarter.
 * Spending is not in it: orders are made here, not read from a topic, so a replay cannot have
 * them. Zero balances are left out, so an account month that ended at zero equals one never
 * touched. Reads the collections directly, so the replay command can digest any database.
 */
export async function balanceDigest(db: mongo.Db, withLines = false): Promise<BalanceDigest> {
  const lines: string[] = [];
  const months = await db
    .collection<{ _id: string; granted: number; requested: number }>('month_totals')
    .find({}, { projection: { granted: 1, requested: 1 } })
    .toArray();
  let accountMonths = 0;
  for (const m of months) {
    if (!m.granted && !m.requested) continue;
    lines.push(`M\t${m._id}\t${m.granted}\t${m.requested}`);
    accountMonths++;
  }
  const wallets = await db
    .collection<{ _id: string; earned: number }>('wallets')
    .find({}, { projection: { earned: 1 } })
    .toArray();
  let walletCount = 0;
  for (const w of wallets) {
    if (!w.earned) continue;
    lines.push(`W\t${w._id}\t${w.earned}`);
    walletCount++;
  }
  const tiers = await db
    .collection<{ _id: string; tier: string }>('firm_bonuses')
    .find({}, { projection: { tier: 1 } })
    .toArray();
  let firmTiers = 0;
  for (const t of tiers) {
    if (t.tier === 'NONE') continue;
    lines.push(`T\t${t._id}\t${t.tier}`);
    firmTiers++;
  }
  lines.sort();
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { hash, accountMonths, wallets: walletCount, firmTiers, ...(withLines && { lines }) };
}
