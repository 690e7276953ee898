import { CREDIT_RULES_V1 } from '../rules/credit-rules';
import { visitEarnings } from '../rules/scoring';
import { earnEntries } from './ledger-plans';

describe('planning earnings as ledger entries', () => {
  const OPERATOR = '64b000000000000000000006';

  it("plans a visit's entry in the month of the visit (Asia/Shanghai), with its cap and version", () => {
    const visitedAt = new Date('2023-06-30T17:30:00Z'); // 1 July, 01:30 in Shanghai
    const [entry, ...rest] = earnEntries(
      visitEarnings(CREDIT_RULES_V1, { operatorId: OPERATOR }),
      'v1',
      CREDIT_RULES_V1.monthlyCaps,
      visitedAt,
    );
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      account: `ORGANIZATION:${OPERATOR}`,
      accountKind: 'ORGANIZATION',
      accountId: OPERATOR,
      kind: 'EARN',
      role: 'STATION_OPERATOR',
      requested: 1,
      ruleVersion: 'v1',
      month: '2023-07',
      quarter: '2023-Q3',
      cap: CREDIT_RULES_V1.monthlyCaps.ORGANIZATION,
      reversesEntryId: null,
    });
    expect(String(entry.entryId)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('plans nothing for nothing earned', () => {
    expect(earnEntries([], 'v1', CREDIT_RULES_V1.monthlyCaps, new Date())).toEqual([]);
  });
});
