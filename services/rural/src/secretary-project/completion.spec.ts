import { completionByYear } from './completion';

describe('secretary project completion', () => {
  it('reproduces 凌河区: 36 approved, 28 accepted', () => {
    const [row] = completionByYear([
      { year: 2022, state: 'ACCEPTED', count: 28 },
      { year: 2022, state: 'IN_PROGRESS', count: 5 },
      { year: 2022, state: 'MIDTERM_REVIEWED', count: 3 },
    ]);
    expect(row).toEqual({
      year: 2022,
      total: 36,
      proposed: 0,
      rejected: 0,
      approved: 36,
      inProgress: 8,
      accepted: 28,
      failed: 0,
      completionRate: 0.7778,
    });
  });

  it('leaves proposals and rejections out of the rate, and sorts years', () => {
    const rows = completionByYear([
      { year: 2024, state: 'PROPOSED', count: 2 },
      { year: 2023, state: 'REJECTED', count: 1 },
      { year: 2023, state: 'FAILED', count: 1 },
      { year: 2023, state: 'ACCEPTED', count: 3 },
    ]);
    expect(rows.map((r) => [r.year, r.total, r.approved, r.completionRate])).toEqual([
      [2023, 5, 4, 0.75],
      [2024, 2, 0, 0],
    ]);
  });
});
