import { isIsoDate, quarterRange, shanghaiDate, stepDateProblems } from './shanghai';

describe('Shanghai calendar', () => {
  it('bounds a quarter in Asia/Shanghai', () => {
    expect(quarterRange('2023-Q2')).toEqual({
      quarter: '2023-Q2',
      startsAt: new Date('2023-03-31T16:00:00.000Z'),
      endsAt: new Date('2023-06-30T16:00:00.000Z'),
    });
    expect(quarterRange('2023-Q4')?.endsAt).toEqual(new Date('2023-12-31T16:00:00.000Z'));
    expect(quarterRange('2023-Q5')).toBeNull();
    expect(quarterRange('2023Q1')).toBeNull();
  });

  it('knows real dates and the Shanghai date of an instant', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-6-1')).toBe(false);
    expect(shanghaiDate(new Date('2023-06-30T16:30:00Z'))).toBe('2023-07-01');
  });

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
