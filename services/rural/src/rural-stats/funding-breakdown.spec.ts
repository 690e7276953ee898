import { fundingBreakdown, type FundingGroup } from './funding-breakdown';

const group = (g: Partial<FundingGroup>): FundingGroup => ({
  year: 2022,
  kind: 'FACILITY_AGRICULTURE',
  villageId: 'v1',
  type: 'INVESTMENT',
  amountFen: 0,
  projectIds: ['p1'],
  ...g,
});

describe('funding totals', () => {
  const regions: Record<string, string> = { v1: '130632', v2: '130629', v3: '370783' };

  it('adds investments and subsidies by year, kind and region, exactly in fen', () => {
    const breakdown = fundingBreakdown(
      [
        group({ amountFen: 1_308_000_000 }),
        group({ year: 2023, amountFen: 872_000_000 }),
        group({
          villageId: 'v2',
          kind: 'DEMONSTRATION',
          type: 'SUBSIDY',
          amountFen: 150_000_000,
          projectIds: ['p2'],
        }),
        group({ villageId: 'v3', kind: 'COOPERATIVE', amountFen: 1, projectIds: ['p3', 'p1'] }),
      ],
      (id) => regions[id],
    );
    expect(breakdown).toMatchObject({
      investmentFen: 2_180_000_001,
      subsidyFen: 150_000_000,
      projectCount: 3,
      villageCount: 3,
    });
    expect(breakdown.byYear).toEqual([
      { key: 2022, investmentFen: 1_308_000_001, subsidyFen: 150_000_000 },
      { key: 2023, investmentFen: 872_000_000, subsidyFen: 0 },
    ]);
    expect(breakdown.byKind.map((b) => b.key)).toEqual([
      'COOPERATIVE',
      'DEMONSTRATION',
      'FACILITY_AGRICULTURE',
    ]);
    expect(breakdown.byRegion).toEqual([
      { key: '130629', investmentFen: 0, subsidyFen: 150_000_000 },
      { key: '130632', investmentFen: 2_180_000_000, subsidyFen: 0 },
      { key: '370783', investmentFen: 1, subsidyFen: 0 },
    ]);
  });

  it('is all zeros without money', () => {
    expect(fundingBreakdown([], () => '')).toEqual({
      investmentFen: 0,
      subsidyFen: 0,
      projectCount: 0,
      villageCount: 0,
      byYear: [],
      byKind: [],
      byRegion: [],
    });
  });
});
