import {
  monthOf,
  monthsOf,
  parsePeriod,
  periodEnd,
  periodLabel,
  periodStart,
  quarterOf,
  quarterOfMonth,
} from './period';

describe('periods in Asia/Shanghai', () => {
  it('puts an instant in its Shanghai month and quarter, not its UTC one', () => {
    // 2023-06-30 16:30 UTC is 2023-07-01 00:30 in Shanghai: July, third quarter.
    const instant = new Date('2023-06-30T16:30:00Z');
    expect(monthOf(instant)).toBe('2023-07');
    expect(quarterOf(instant)).toBe('2023-Q3');
    // One minute before Shanghai midnight stays in June.
    expect(monthOf(new Date('2023-06-30T15:59:00Z'))).toBe('2023-06');
    expect(quarterOf(new Date('2023-06-30T15:59:00Z'))).toBe('2023-Q2');
  });

  it('crosses the year in Shanghai first', () => {
    const instant = new Date('2023-12-31T16:00:00Z');
    expect(monthOf(instant)).toBe('2024-01');
    expect(quarterOf(instant)).toBe('2024-Q1');
  });

  it('parses months and quarters and rejects anything else', () => {
    expect(parsePeriod('2023-06')).toEqual({ kind: 'MONTH', year: 2023, index: 6 });
    expect(parsePeriod('2023-Q2')).toEqual({ kind: 'QUARTER', year: 2023, index: 2 });
    for (const bad of ['2023-13', '2023-00', '2023-Q5', '23-06', '2023-6', '2023']) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it('lists the months of a quarter and bounds periods at Shanghai midnight', () => {
    expect(monthsOf('2023-Q2')).toEqual(['2023-04', '2023-05', '2023-06']);
    expect(monthsOf('2023-Q4')).toEqual(['2023-10', '2023-11', '2023-12']);
    expect(monthsOf('2023-06')).toEqual(['2023-06']);
    expect(quarterOfMonth('2023-12')).toBe('2023-Q4');
    expect(periodStart('2023-Q2').toISOString()).toBe('2023-03-31T16:00:00.000Z');
    expect(periodEnd('2023-Q2').toISOString()).toBe('2023-06-30T16:00:00.000Z');
    expect(periodStart('2024-01').toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(periodEnd('2023-12').toISOString()).toBe('2023-12-31T16:00:00.000Z');
  });

  it('labels periods in Chinese', () => {
    expect(periodLabel('2023-06')).toBe('2023年6月');
    expect(periodLabel('2023-Q2')).toBe('2023年第二季度');
  });
});
