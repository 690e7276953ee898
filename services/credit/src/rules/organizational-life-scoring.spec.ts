import { CREDIT_RULES_V1, ruleProblems } from './credit-rules';
import { jointProjectBonus, starRatingBonus } from './organizational-life-scoring';

const ORG = '64b000000000000000000002';
const OTHER = '64b000000000000000000003';

describe('bonuses', () => {
  it('gives a five-star rating the rated organization’s bonus, and three or four stars none', () => {
    expect(starRatingBonus(CREDIT_RULES_V1, { organizationId: ORG, stars: 5 })).toEqual([
      {
        account: `ORGANIZATION:${ORG}`,
        accountKind: 'ORGANIZATION',
        accountId: ORG,
        role: 'STAR_RATING',
        requested: CREDIT_RULES_V1.bonuses.fiveStarRating,
      },
    ]);
    expect(starRatingBonus(CREDIT_RULES_V1, { organizationId: ORG, stars: 4 })).toEqual([]);
    expect(starRatingBonus(CREDIT_RULES_V1, { organizationId: ORG, stars: null })).toEqual([]);
  });

  it('gives each party of a completed joint project the bonus once', () => {
    const earnings = jointProjectBonus(CREDIT_RULES_V1, [ORG, OTHER, ORG]);
    expect(earnings.map((e) => [e.account, e.role, e.requested])).toEqual([
      [`ORGANIZATION:${ORG}`, 'JOINT_BUILDING', 50],
      [`ORGANIZATION:${OTHER}`, 'JOINT_BUILDING', 50],
    ]);
    const none = {
      ...CREDIT_RULES_V1,
      bonuses: { ...CREDIT_RULES_V1.bonuses, jointProjectCompleted: 0 },
    };
    expect(jointProjectBonus(none, [ORG, OTHER])).toEqual([]);
  });

  it('rejects meeting points and bonuses that are not whole points', () => {
    const rule = {
      ...CREDIT_RULES_V1,
      meetingPoints: {
        ...CREDIT_RULES_V1.meetingPoints,
        perKind: { ...CREDIT_RULES_V1.meetingPoints.perKind, PARTY_LECTURE: 1.5 },
      },
      bonuses: { ...CREDIT_RULES_V1.bonuses, fiveStarRating: -1 },
    };
    expect(ruleProblems(rule).map((p) => p.field)).toEqual([
      'meetingPoints.perKind.PARTY_LECTURE',
      'bonuses.fiveStarRating',
    ]);
  });
});
