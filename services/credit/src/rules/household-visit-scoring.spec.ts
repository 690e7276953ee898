import type { CloudEvent, HouseholdContactsV1, HouseholdVisitV1 } from '@jiceng/events';
import {
  CREDIT_RULES_V1,
  DEFAULT_HOUSEHOLD_VISIT_POINTS,
  ruleProblems,
  storedRule,
  type CreditRuleSet,
} from './credit-rules';
import {
  earningVisit,
  householdMonthSourceId,
  householdVisitEarnings,
} from './household-visit-scoring';
import { publishProblems, ruleFromInput } from './publish-input';
import type { PublishCreditRulesInput } from './dto/credit-rules.inputs';

const GRID = '64b000000000000000000001';
const MEMBER = '64b000000000000000000002';
const BRANCH = '64b000000000000000000003';
const HOUSEHOLD = `${GRID}:64b0000000000000000000a1`;

const visit = (over: Partial<HouseholdVisitV1> = {}): HouseholdVisitV1 => ({
  visitId: '64b0000000000000000000b1',
  version: 1,
  householdId: HOUSEHOLD,
  gridId: GRID,
  memberId: MEMBER,
  branchId: BRANCH,
  visitedOn: '2026-03-08',
  onTime: true,
  duties: ['POLICY_PUBLICITY'],
  problem: null,
  ...over,
});

const event = (
  data: HouseholdContactsV1,
  type = 'jiceng.members.household-visit.recorded',
): CloudEvent<HouseholdContactsV1> =>
  ({ id: 'e1', type, time: '2026-03-08T02:00:00.000Z', data }) as CloudEvent<HouseholdContactsV1>;

const withVisitPoints = (points: CreditRuleSet['householdVisitPoints']): CreditRuleSet => ({
  ...CREDIT_RULES_V1,
  householdVisitPoints: points,
});

describe('household visit points', () => {
  it('gives the visiting member the points and the member’s branch its share under v1', () => {
    expect(householdVisitEarnings(CREDIT_RULES_V1, visit())).toEqual([
      {
        account: `MEMBER:${MEMBER}`,
        accountKind: 'MEMBER',
        accountId: MEMBER,
        role: 'HOUSEHOLD_VISIT',
        requested: DEFAULT_HOUSEHOLD_VISIT_POINTS.member,
      },
      {
        account: `ORGANIZATION:${BRANCH}`,
        accountKind: 'ORGANIZATION',
        accountId: BRANCH,
        role: 'BRANCH',
        requested: 1,
      },
    ]);
  });

  it('gives no branch share for an event recorded before it named the branch', () => {
    const earnings = householdVisitEarnings(CREDIT_RULES_V1, visit({ branchId: undefined }));
    expect(earnings.map((e) => [e.account, e.requested])).toEqual([[`MEMBER:${MEMBER}`, 2]]);
  });

  it('scores by the version’s points and share, and nothing under a version giving 0', () => {
    const rule = withVisitPoints({ member: 5, branchShare: { mode: 'FRACTION', value: 0.5 } });
    expect(householdVisitEarnings(rule, visit()).map((e) => e.requested)).toEqual([5, 2]);
    const none = withVisitPoints({ member: 0, branchShare: { mode: 'FIXED', value: 1 } });
    expect(householdVisitEarnings(none, visit())).toEqual([]);
  });

  it('offers only recorded visits on time to the ledger', () => {
    expect(earningVisit(event({ visit: visit(), recordedAt: '2026-03-08T02:00:00.000Z' }))).toEqual(
      visit(),
    );
    // 每月10日前: a visit after the 10th is late and earns nothing.
    const late = visit({ visitedOn: '2026-03-11', onTime: false });
    expect(earningVisit(event({ visit: late, recordedAt: '2026-03-11T02:00:00.000Z' }))).toBeNull();
    // Its problem solved: the same visit again (version 2).
    const solved = event(
      { visit: visit({ version: 2 }), recordedAt: '2026-03-09T02:00:00.000Z' },
      'jiceng.members.household-problem.resolved',
    );
    expect(earningVisit(solved)).toBeNull();
    const household = event(
      {
        household: {
          householdId: HOUSEHOLD,
          gridId: GRID,
          version: 1,
          memberId: MEMBER,
          previousMemberId: null,
          assignedOn: '2026-03-01',
        },
        recordedAt: '2026-03-01T02:00:00.000Z',
      },
      'jiceng.members.household.registered',
    );
    expect(earningVisit(household)).toBeNull();
  });

  it('gives every visit of one household in one month the same source, another month another', () => {
    const first = householdMonthSourceId(visit());
    expect(first).toBe(`household-visit:${HOUSEHOLD}:2026-03`);
    expect(
      householdMonthSourceId(
        visit({ visitId: '64b0000000000000000000b2', visitedOn: '2026-03-02' }),
      ),
    ).toBe(first);
    expect(householdMonthSourceId(visit({ visitedOn: '2026-04-02' }))).toBe(
      `household-visit:${HOUSEHOLD}:2026-04`,
    );
    expect(
      householdMonthSourceId(visit({ householdId: `${GRID}:64b0000000000000000000a2` })),
    ).not.toBe(first);
  });
});

describe('the household visit rule', () => {
  it('reads a version stored before the field with the defaults', () => {
    const { householdVisitPoints: _none, ...stored } = CREDIT_RULES_V1;
    expect(storedRule(stored).householdVisitPoints).toEqual(DEFAULT_HOUSEHOLD_VISIT_POINTS);
  });

  it('refuses points that are not whole and a share out of range', () => {
    const rule = withVisitPoints({ member: 1.5, branchShare: { mode: 'FRACTION', value: 2 } });
    expect(ruleProblems(rule).map((p) => p.field)).toEqual([
      'householdVisitPoints.branchShare.value',
      'householdVisitPoints.member',
    ]);
  });

  const input: PublishCreditRulesInput = {
    version: 'v2',
    effectiveFrom: new Date('2027-01-01T00:00:00+08:00'),
    description: '联系户走访积分调整',
    memberPoints: { basis: 'TASK' },
    organizationClaimPoints: { basis: 'TASK' },
    branchShare: { mode: 'FRACTION', value: 0.2 },
    unitShare: { mode: 'FRACTION', value: 0.2 },
    firmShare: { mode: 'FRACTION', value: 0.5 },
    monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
    firmBonusTiers: [{ tier: 'A', label: '党建信用A级', minPoints: 3000, bonusScore: 3 }],
    letters: { memberTop: 10, memberBottom: 10, organizationTop: 5, organizationBottom: 5 },
  };

  it('publishes the defaults when left out, and the points given otherwise', () => {
    expect(ruleFromInput(input).rule.householdVisitPoints).toEqual(DEFAULT_HOUSEHOLD_VISIT_POINTS);
    const given = ruleFromInput({
      ...input,
      householdVisitPoints: { member: 3, branchShare: { mode: 'NONE' } },
    });
    expect(given.rule.householdVisitPoints).toEqual({
      member: 3,
      branchShare: { mode: 'NONE', value: 0 },
    });
  });

  it('names the input field of a bad value', () => {
    const { rule, fields } = ruleFromInput({
      ...input,
      householdVisitPoints: { member: -1, branchShare: { mode: 'FIXED', value: 0.5 } },
    });
    expect(publishProblems(rule, fields)).toEqual([
      {
        field: 'input.householdVisitPoints.branchShare.value',
        message: 'fixed points must be a whole number ≥ 0',
      },
      { field: 'input.householdVisitPoints.member', message: 'points must be a whole number ≥ 0' },
    ]);
  });
});
