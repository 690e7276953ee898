import { parsePeriod, periodOf, periodStart, periodsEndingWith, periodsOfYear } from './period';

describe('periods in Asia/Shanghai', () => {
  it('starts a quarter at midnight Shanghai time', () => {
    expect(periodStart('2023-Q2').toISOString()).toBe('2023-03-31T16:00:00.000Z');
    expect(periodStart('2023-Q1').toISOString()).toBe('2022-12-31T16:00:00.000Z');
  });

  it('places an instant in the Shanghai quarter, not the UTC one', () => {
    expect(periodOf(new Date('2023-03-31T15:59:59Z'))).toBe('2023-Q1');
    expect(periodOf(new Date('2023-03-31T16:00:00Z'))).toBe('2023-Q2');
    expect(periodOf(new Date('2022-12-31T17:00:00Z'))).toBe('2023-Q1');
  });

  it('parses only YYYY-Qn and counts quarters across years', () => {
    expect(parsePeriod('2023-Q4')).toEqual({ year: 2023, quarter: 4 });
    expect(parsePeriod('2023-Q5')).toBeNull();
    expect(parsePeriod('2023Q1')).toBeNull();
    expect(periodsEndingWith('2023-Q2', 4)).toEqual(['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2']);
    expect(periodsOfYear(2022)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
  });
});
