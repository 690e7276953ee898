import { Types } from 'mongoose';
import { monthTotalId } from '../account/account';
import { planGrants, planWallets } from './batch-grants';
import type { MonthTotal, PlannedEntry, Wallet } from './ledger.schemas';

const MEMBER = 'MEMBER:64b000000000000000000001';
const BRANCH = 'ORGANIZATION:64b000000000000000000002';

function entry(account: string, requested: number, cap: number | null, month = '2023-06') {
  const [accountKind, accountId] = account.split(':') as [PlannedEntry['accountKind'], string];
  return {
    entryId: new Types.ObjectId(),
    account,
    accountKind,
    accountId,
    kind: requested < 0 ? 'REVERSAL' : 'EARN',
    role: accountKind === 'MEMBER' ? 'MEMBER' : 'BRANCH',
    requested,
    ruleVersion: 'v1',
    month,
    quarter: '2023-Q2',
    cap,
    reversesEntryId: null,
  } satisfies PlannedEntry;
}

function total(account: string, requested: number, cap: number | null, v = 3): MonthTotal {
  const [accountKind, accountId] = account.split(':') as [MonthTotal['accountKind'], string];
  return {
    _id: monthTotalId(account, '2023-06'),
    account,
    accountKind,
    accountId,
    month: '2023-06',
    quarter: '2023-Q2',
    cap,
    requested,
    granted: Math.min(cap ?? Infinity, requested),
    v,
    pending: [],
  };
}

const byId = <T extends { _id: string }>(...docs: T[]) => new Map(docs.map((d) => [d._id, d]));

describe('granting a batch of entries', () => {
  it('grants in entry order against the month read, one compare-and-set per month', () => {
    const entries = [entry(MEMBER, 60, 200), entry(BRANCH, 12, 3000), entry(MEMBER, 80, 200)];
    const plan = planGrants(entries, byId(total(MEMBER, 100, 200, 7)), new Set());
    expect(plan.granted.map((g) => g.granted)).toEqual([60, 12, 40]);
    expect(plan.writes).toEqual([
      expect.objectContaining({
        _id: monthTotalId(MEMBER, '2023-06'),
        v: 7,
        insert: false,
        requested: 140,
        granted: 100,
        pending: [
          { entryId: String(entries[0].entryId), granted: 60 },
          { entryId: String(entries[2].entryId), granted: 40 },
        ],
      }),
      expect.objectContaining({ v: 0, insert: true, requested: 12, granted: 12 }),
    ]);
  });

  it("keeps the stored month's cap and gives room back to a reversal in the batch", () => {
    // The month was opened under a cap of 100; the entries carry a newer 200.
    const entries = [entry(MEMBER, 80, 200), entry(MEMBER, 50, 200), entry(MEMBER, -80, 200)];
    const plan = planGrants(entries, byId(total(MEMBER, 0, 100)), new Set());
    expect(plan.granted.map((g) => g.granted)).toEqual([80, 20, -50]);
    expect(plan.writes[0]).toMatchObject({ requested: 50, granted: 50 });
  });

  it('skips stored entries and takes held grants from their pending marks', () => {
    const [stored, held, fresh] = [
      entry(MEMBER, 10, 200),
      entry(MEMBER, 30, 200),
      entry(MEMBER, 20, 200),
    ];
    const month = total(MEMBER, 190, 200);
    month.pending = [
      { entryId: String(stored.entryId), granted: 10 },
      { entryId: String(held.entryId), granted: 25 },
    ];
    const plan = planGrants([stored, held, fresh], byId(month), new Set([String(stored.entryId)]));
    expect(plan.stored).toEqual([stored]);
    expect(plan.held).toEqual([{ entry: held, granted: 25 }]);
    expect(plan.granted).toEqual([{ entry: fresh, granted: 10 }]);
    expect(plan.writes).toHaveLength(1);
  });

  it('adds members’ non-zero grants to their wallets once, one write per wallet', () => {
    const [a, b, c, org] = [
      entry(MEMBER, 10, 200),
      entry(MEMBER, 5, 200),
      entry(MEMBER, 7, 200),
      entry(BRANCH, 3, 3000),
    ];
    const wallet: Wallet = {
      _id: MEMBER,
      earned: 50,
      spent: 0,
      available: 50,
      v: 9,
      pending: [{ opId: String(a.entryId), delta: 10 }],
    };
    const writes = planWallets(
      [
        { entry: a, granted: 10 },
        { entry: b, granted: 5 },
        { entry: c, granted: 0 },
        { entry: org, granted: 3 },
      ],
      byId(wallet),
    );
    expect(writes).toEqual([
      { _id: MEMBER, v: 9, insert: false, delta: 5, ops: [{ opId: String(b.entryId), delta: 5 }] },
    ]);
  });
});
