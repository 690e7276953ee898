import { CREDIT_RULES_V1, DEFAULT_BONUSES, DEFAULT_MEETING_POINTS } from './credit-rules';
import type { PublishCreditRulesInput } from './dto/credit-rules.inputs';
import { publishProblems, ruleFromInput } from './publish-input';

const base: PublishCreditRulesInput = {
  version: 'v2',
  effectiveFrom: new Date('2027-01-01T00:00:00+08:00'),
  description: '组织生活积分调整',
  memberPoints: { basis: 'TASK' },
  organizationClaimPoints: { basis: 'TASK' },
  branchShare: { mode: 'FRACTION', value: 0.2 },
  unitShare: { mode: 'FRACTION', value: 0.2 },
  firmShare: { mode: 'FRACTION', value: 0.5 },
  monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
  firmBonusTiers: [{ tier: 'A', label: '党建信用A级', minPoints: 3000, bonusScore: 3 }],
  letters: { memberTop: 10, memberBottom: 10, organizationTop: 5, organizationBottom: 5 },
};

type MeetingsInput = NonNullable<PublishCreditRulesInput['meetingPoints']>;
const meetings = (perKind: MeetingsInput['perKind']): MeetingsInput => ({
  perKind,
  branchShare: { mode: 'FIXED', value: 2 },
  firmShare: { mode: 'NONE' },
  memberMonthlyCap: 30,
});

const problemsOf = (input: PublishCreditRulesInput) => {
  const { rule, fields } = ruleFromInput(input);
  return publishProblems(rule, fields);
};

describe('publishing meeting points and bonuses', () => {
  it('gives a version without them the defaults, as versions stored before them', () => {
    const { rule } = ruleFromInput(base);
    expect(rule.meetingPoints).toEqual(DEFAULT_MEETING_POINTS);
    expect(rule.bonuses).toEqual(DEFAULT_BONUSES);
    expect(problemsOf(base)).toEqual([]);
  });

  it('takes the kinds given and keeps the default points of the kinds left out', () => {
    const { rule } = ruleFromInput({
      ...base,
      meetingPoints: meetings([
        { kind: 'PARTY_LECTURE', points: 5 },
        { kind: 'THEME_PARTY_DAY', points: 0 },
      ]),
      bonuses: { fiveStarRating: 80, jointProjectCompleted: 0, firmTierCountsJointBuilding: false },
    });
    expect(rule.meetingPoints).toEqual({
      perKind: { ...DEFAULT_MEETING_POINTS.perKind, PARTY_LECTURE: 5, THEME_PARTY_DAY: 0 },
      branchShare: { mode: 'FIXED', value: 2 },
      firmShare: { mode: 'NONE', value: 0 },
      memberMonthlyCap: 30,
    });
    expect(rule.bonuses).toEqual({
      fiveStarRating: 80,
      jointProjectCompleted: 0,
      firmTierCountsJointBuilding: false,
    });
  });

  it('names a kind’s bad points by its place in the list, and the other fields by their path', () => {
    const input: PublishCreditRulesInput = {
      ...base,
      meetingPoints: {
        ...meetings([
          { kind: 'BRANCH_GENERAL_MEETING', points: 3 },
          { kind: 'PARTY_LECTURE', points: 4 },
          { kind: 'THEME_PARTY_DAY', points: -1 },
        ]),
        branchShare: { mode: 'FIXED', value: 1.5 },
        memberMonthlyCap: -5,
      },
      bonuses: { fiveStarRating: -1, jointProjectCompleted: 50, firmTierCountsJointBuilding: true },
    };
    expect(problemsOf(input)).toEqual([
      {
        field: 'input.meetingPoints.branchShare.value',
        message: 'fixed points must be a whole number ≥ 0',
      },
      {
        field: 'input.meetingPoints.perKind.2.points',
        message: 'points must be a whole number ≥ 0',
      },
      {
        field: 'input.meetingPoints.memberMonthlyCap',
        message: 'points must be a whole number ≥ 0',
      },
      { field: 'input.bonuses.fiveStarRating', message: 'points must be a whole number ≥ 0' },
    ]);
  });

  it('refuses a kind given twice, naming the repeat and where the kind was first given', () => {
    const input = {
      ...base,
      meetingPoints: meetings([
        { kind: 'PARTY_LECTURE', points: 5 },
        { kind: 'THEME_PARTY_DAY', points: 3 },
        { kind: 'PARTY_LECTURE', points: -2 },
      ]),
    };
    expect(problemsOf(input)).toEqual([
      {
        field: 'input.meetingPoints.perKind.2.kind',
        message: 'PARTY_LECTURE is already given at perKind.0: give each kind once',
      },
    ]);
    // The first one counts: the repeat's points are neither taken nor checked.
    expect(ruleFromInput(input).rule.meetingPoints.perKind.PARTY_LECTURE).toBe(5);
  });

  it('names a rule handed over as a rule by the rule’s own fields', () => {
    const rule = {
      ...CREDIT_RULES_V1,
      meetingPoints: {
        ...CREDIT_RULES_V1.meetingPoints,
        perKind: { ...CREDIT_RULES_V1.meetingPoints.perKind, PARTY_GROUP_MEETING: 0.5 },
      },
    };
    expect(publishProblems(rule).map((p) => p.field)).toEqual([
      'input.meetingPoints.perKind.PARTY_GROUP_MEETING',
    ]);
  });
});
