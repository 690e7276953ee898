import { sumTallies, tallyIncrements, type TalliedWhistle } from './whistle-tally';

const whistle: TalliedWhistle = {
  category: 'INFRASTRUCTURE',
  reports: [
    { departmentId: 'a', answeredLate: false },
    { departmentId: 'b', answeredLate: true },
  ],
  satisfaction: 'BASICALLY_SATISFIED',
};

describe('whistle tallies', () => {
  it('counts a whistle once per category and once per department', () => {
    expect(tallyIncrements('whistled', whistle, null)).toEqual({
      whistled: 1,
      'categories.INFRASTRUCTURE': 1,
      reports: 2,
      'departments.a.addressed': 1,
      'departments.b.addressed': 1,
    });
  });

  it("counts an answer on time or late from the department's own report", () => {
    expect(tallyIncrements('answered', whistle, 'a')).toMatchObject({ answered: 1, onTime: 1 });
    expect(tallyIncrements('answered', whistle, 'b')).toMatchObject({
      onTime: 0,
      'departments.b.onTime': 0,
    });
    expect(tallyIncrements('answered', whistle, 'c')).toEqual({});
    expect(tallyIncrements('accepted', whistle, 'a')).toEqual({});
  });

  it('counts 基本满意 as satisfied', () => {
    expect(tallyIncrements('evaluated', whistle, null)).toEqual({ evaluated: 1, satisfied: 1 });
    expect(
      tallyIncrements('evaluated', { ...whistle, satisfaction: 'DISSATISFIED' }, null),
    ).toEqual({ evaluated: 1, satisfied: 0 });
  });

  it("sums a period's months into rates with four decimals", () => {
    const stats = sumTallies([
      {
        _id: 'o|2023-04',
        orgId: 'o',
        month: '2023-04',
        raised: 2,
        whistled: 2,
        categories: { INFRASTRUCTURE: 1, LIVELIHOOD: 1 },
        departments: { a: { addressed: 2, answered: 2, onTime: 1 } },
        reports: 2,
        answered: 2,
        onTime: 1,
        evaluated: 1,
        satisfied: 1,
      },
      {
        _id: 'o|2023-05',
        orgId: 'o',
        month: '2023-05',
        raised: 2,
        resolved: 1,
        whistled: 1,
        categories: { INFRASTRUCTURE: 1 },
        departments: { b: { addressed: 1, answered: 1, onTime: 1 }, a: { addressed: 1 } },
        reports: 2,
        answered: 1,
        onTime: 1,
        evaluated: 2,
        satisfied: 1,
      },
    ]);
    expect(stats).toMatchObject({
      raised: 4,
      resolved: 1,
      whistled: 3,
      reports: 4,
      answered: 3,
      onTime: 2,
      onTimeRate: 0.6667,
      satisfiedRate: 0.6667,
    });
    expect(stats.byCategory).toEqual([
      { category: 'INFRASTRUCTURE', whistled: 2 },
      { category: 'LIVELIHOOD', whistled: 1 },
    ]);
    expect(stats.byDepartment).toEqual([
      { departmentId: 'a', addressed: 3, answered: 2, onTime: 1, onTimeRate: 0.5 },
      { departmentId: 'b', addressed: 1, answered: 1, onTime: 1, onTimeRate: 1 },
    ]);
  });

  it('answers zeros for a period with no tallies', () => {
    expect(sumTallies([])).toMatchObject({ raised: 0, onTimeRate: 0, byDepartment: [] });
  });
});
