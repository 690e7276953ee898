import { ratingConsequences } from './consequences';

describe('consequences of a year of ratings', () => {
  it('makes a five-star organization that was never three-star eligible for commendation', () => {
    const c = ratingConsequences(2022, [
      { period: '2022-Q1', stars: 4 },
      { period: '2022-Q2', stars: 5 },
      { period: '2021-Q4', stars: 3 }, // another year
    ]);
    expect(c).toMatchObject({
      publishedCount: 2,
      fiveStarCount: 1,
      threeStarCount: 0,
      eligibleForCommendation: true,
      excellentBarred: false,
      performanceDeduction: false,
    });
  });

  it('bars 优秀 after two three-star results, and stops commendation after one', () => {
    const once = ratingConsequences(2022, [
      { period: '2022-Q1', stars: 5 },
      { period: '2022-Q2', stars: 3 },
    ]);
    expect(once).toMatchObject({ eligibleForCommendation: false, excellentBarred: false });
    const twice = ratingConsequences(2022, [
      { period: '2022-Q3', stars: 3 },
      { period: '2022-Q1', stars: 3 },
    ]);
    expect(twice).toMatchObject({
      threeStarPeriods: ['2022-Q1', '2022-Q3'],
      excellentBarred: true,
      performanceDeduction: false,
    });
    expect(twice.excellentBarredReason).toContain('不得评为“优秀”等次');
  });

  it('flags performance deductions after three three-star results', () => {
    const c = ratingConsequences(2021, [
      { period: '2021-Q2', stars: 3 },
      { period: '2021-Q3', stars: 3 },
      { period: '2021-Q4', stars: 3 },
    ]);
    expect(c).toMatchObject({
      threeStarCount: 3,
      excellentBarred: true,
      performanceDeduction: true,
    });
    expect(c.performanceDeductionReason).toContain('街道党工委可酌情扣减相关人员绩效');
  });

  it('has nothing to say about a year without published ratings', () => {
    expect(ratingConsequences(2023, [])).toMatchObject({
      publishedCount: 0,
      eligibleForCommendation: false,
      excellentBarred: false,
      performanceDeduction: false,
    });
  });
});
