import { stepDateProblems } from './step-dates';

describe('step dates', () => {
  it('refuses steps dated in the future or before the previous step', () => {
    const now = new Date('2023-06-01T00:00:00Z');
    const since = new Date('2023-05-01T00:00:00Z');
    expect(stepDateProblems('input.at', new Date('2023-05-15T00:00:00Z'), since, now)).toEqual([]);
    expect(stepDateProblems('input.at', new Date('2023-06-02T00:00:00Z'), since, now)).toEqual([
      { field: 'input.at', message: 'lies in the future' },
    ]);
    expect(stepDateProblems('input.at', new Date('2023-04-30T00:00:00Z'), since, now)).toHaveLength(
      1,
    );
  });
});
