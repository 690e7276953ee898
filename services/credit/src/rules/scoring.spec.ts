import {
  CREDIT_RULES_V1,
  ruleAt,
  ruleProblems,
  storedRule,
  type CreditRuleSet,
  type StoredRuleSet,
} from './credit-rules';
import { claimPoints, earningsFor, sharePoints, tierFor, visitEarnings } from './scoring';

const MEMBER = '64b000000000000000000001';
const BRANCH = '64b000000000000000000002';
const UNIT = '64b000000000000000000003';
const FIRM = '64b000000000000000000004';
const ORG = '64b000000000000000000005';

const claim = (over: Partial<Parameters<typeof earningsFor>[1]> = {}) => ({
  claimantKind: 'MEMBER' as const,
  memberId: MEMBER,
  organizationId: null,
  taskPoints: 10,
  durationMinutes: 150,
  ...over,
});

describe('scoring an approved claim', () => {
  it('credits the member, its branch and its unit organization under v1', () => {
    const earnings = earningsFor(CREDIT_RULES_V1, claim(), {
      branchId: BRANCH,
      unitOrganizationId: UNIT,
      firmId: null,
    });
    expect(earnings).toEqual([
      {
        account: `MEMBER:${MEMBER}`,
        accountKind: 'MEMBER',
        accountId: MEMBER,
        role: 'MEMBER',
        requested: 10,
      },
      {
        account: `ORGANIZATION:${BRANCH}`,
        accountKind: 'ORGANIZATION',
        accountId: BRANCH,
        role: 'BRANCH',
        requested: 2,
      },
      {
        account: `ORGANIZATION:${UNIT}`,
        accountKind: 'ORGANIZATION',
        accountId: UNIT,
        role: 'UNIT',
        requested: 2,
      },
    ]);
  });

  it("credits a floating member's firm and rounds fractions down", () => {
    const earnings = earningsFor(CREDIT_RULES_V1, claim({ taskPoints: 7 }), {
      branchId: BRANCH,
      unitOrganizationId: null,
      firmId: FIRM,
    });
    expect(earnings.map((e) => [e.role, e.requested])).toEqual([
      ['MEMBER', 7],
      ['BRANCH', 1],
      ['FIRM', 3],
    ]);
  });

  it('credits the claiming organization alone for an organization claim', () => {
    const earnings = earningsFor(
      CREDIT_RULES_V1,
      claim({ claimantKind: 'ORGANIZATION', memberId: null, organizationId: ORG, taskPoints: 30 }),
      null,
    );
    expect(earnings).toEqual([
      {
        account: `ORGANIZATION:${ORG}`,
        accountKind: 'ORGANIZATION',
        accountId: ORG,
        role: 'CLAIMANT',
        requested: 30,
      },
    ]);
  });

  it('merges an account named twice into one earning', () => {
    const earnings = earningsFor(CREDIT_RULES_V1, claim(), {
      branchId: BRANCH,
      unitOrganizationId: BRANCH,
      firmId: null,
    });
    expect(earnings.map((e) => [e.role, e.requested])).toEqual([
      ['MEMBER', 10],
      ['BRANCH', 4],
    ]);
  });

  it('earns nothing for a task without points, and refuses an unknown member', () => {
    expect(
      earningsFor(CREDIT_RULES_V1, claim({ taskPoints: 0 }), {
        branchId: BRANCH,
        unitOrganizationId: UNIT,
        firmId: FIRM,
      }),
    ).toEqual([]);
    expect(() => earningsFor(CREDIT_RULES_V1, claim(), null)).toThrow(/not known/);
  });

  it('scores per hour and with fixed shares under another version', () => {
    const v2: CreditRuleSet = {
      ...CREDIT_RULES_V1,
      version: 'v2',
      memberPoints: { basis: 'HOURS', pointsPerHour: 4 },
      branchShare: { mode: 'FIXED', value: 5 },
      unitShare: { mode: 'NONE', value: 0 },
    };
    expect(claimPoints(v2.memberPoints, claim({ durationMinutes: 150 }))).toBe(10);
    expect(claimPoints(v2.memberPoints, claim({ durationMinutes: 14 }))).toBe(0);
    expect(sharePoints(v2.branchShare, 10)).toBe(5);
    expect(sharePoints(v2.branchShare, 0)).toBe(0);
    const earnings = earningsFor(v2, claim({ durationMinutes: 90 }), {
      branchId: BRANCH,
      unitOrganizationId: UNIT,
      firmId: null,
    });
    expect(earnings.map((e) => [e.role, e.requested])).toEqual([
      ['MEMBER', 6],
      ['BRANCH', 5],
    ]);
  });
});

describe('scoring a station visit', () => {
  const OPERATOR = '64b000000000000000000006';

  it('credits the operator organization 1 point per visit under v1, as station operator', () => {
    expect(visitEarnings(CREDIT_RULES_V1, { operatorId: OPERATOR })).toEqual([
      {
        account: `ORGANIZATION:${OPERATOR}`,
        accountKind: 'ORGANIZATION',
        accountId: OPERATOR,
        role: 'STATION_OPERATOR',
        requested: 1,
      },
    ]);
  });

  it('earns what a version gives per visit, and nothing under a version that gives 0', () => {
    const rule = (operator: number) => ({ ...CREDIT_RULES_V1, stationVisitPoints: { operator } });
    expect(visitEarnings(rule(3), { operatorId: OPERATOR }).map((e) => e.requested)).toEqual([3]);
    expect(visitEarnings(rule(0), { operatorId: OPERATOR })).toEqual([]);
  });
});

describe('rule versions', () => {
  const v2 = {
    ...CREDIT_RULES_V1,
    version: 'v2',
    effectiveFrom: new Date('2023-07-01T00:00:00+08:00'),
  };

  it('applies the version in force at the instant, never a later one', () => {
    expect(ruleAt([v2, CREDIT_RULES_V1], new Date('2023-06-30T15:59:59Z'))?.version).toBe('v1');
    expect(ruleAt([v2, CREDIT_RULES_V1], new Date('2023-06-30T16:00:00Z'))?.version).toBe('v2');
    expect(ruleAt([v2], new Date('2019-01-01T00:00:00Z'))).toBeNull();
  });

  it('reports invalid shares and tier tables', () => {
    const bad = {
      ...CREDIT_RULES_V1,
      branchShare: { mode: 'FRACTION' as const, value: 1.5 },
      firmBonusTiers: [
        { tier: 'A', label: 'A', minPoints: 10, bonusScore: 1 },
        { tier: 'A', label: 'A', minPoints: 0, bonusScore: 1 },
      ],
    };
    expect(ruleProblems(bad).map((p) => p.field)).toEqual([
      'branchShare.value',
      'firmBonusTiers',
      'firmBonusTiers',
    ]);
    expect(ruleProblems(CREDIT_RULES_V1)).toEqual([]);
  });

  it('accepts whole points ≥ 0 per station visit, and nothing else', () => {
    const visits = (operator: number) =>
      ruleProblems({ ...CREDIT_RULES_V1, stationVisitPoints: { operator } });
    expect(visits(0)).toEqual([]);
    expect(visits(5)).toEqual([]);
    for (const bad of [-1, 1.5, Number.NaN])
      expect(visits(bad)).toEqual([
        { field: 'stationVisitPoints.operator', message: expect.stringMatching(/whole number/) },
      ]);
  });

  it('reads a version stored before station visits earned anything as giving 0 per visit', () => {
    const { stationVisitPoints: _new, ...older } = CREDIT_RULES_V1;
    const stored: StoredRuleSet = { ...older, version: 'v0', description: 'older' };
    expect(storedRule(stored).stationVisitPoints).toEqual({ operator: 0 });
    expect(storedRule({ ...stored, stationVisitPoints: null }).stationVisitPoints).toEqual({
      operator: 0,
    });
    expect(storedRule(CREDIT_RULES_V1)).toEqual(CREDIT_RULES_V1);
    // The version in force at the visit decides: a later one never reaches back.
    const v2 = storedRule({
      ...older,
      version: 'v2',
      effectiveFrom: new Date('2023-07-01T00:00:00+08:00'),
    });
    const rules = [CREDIT_RULES_V1, v2];
    const at = (iso: string) => ruleAt(rules, new Date(iso))!;
    expect(at('2023-06-30T23:59:59+08:00').stationVisitPoints.operator).toBe(1);
    expect(at('2023-07-01T00:00:00+08:00').stationVisitPoints.operator).toBe(0);
  });
});

describe('firm bonus tiers', () => {
  it('maps quarterly points to the highest tier reached', () => {
    const tiers = CREDIT_RULES_V1.firmBonusTiers;
    expect(tierFor(tiers, 0)).toMatchObject({ tier: 'NONE', bonusScore: 0 });
    expect(tierFor(tiers, 299)).toMatchObject({ tier: 'NONE' });
    expect(tierFor(tiers, 300)).toMatchObject({ tier: 'C', bonusScore: 1 });
    expect(tierFor(tiers, 1000)).toMatchObject({ tier: 'B', bonusScore: 2 });
    expect(tierFor(tiers, 99999)).toMatchObject({ tier: 'A', bonusScore: 3 });
    // The table's order does not matter.
    expect(tierFor([...tiers].reverse(), 1500)).toMatchObject({ tier: 'B' });
  });
});
