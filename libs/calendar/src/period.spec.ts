import {
  isWholeMonths,
  MAX_YEAR,
  MIN_YEAR,
  monthsOf,
  parsePeriod,
  periodLabel,
  periodEnd,
  periodMessage,
  periodStart,
  quarterOfMonth,
  quartersEndingWith,
  quartersOfYear,
} from './period';

describe('period grammar', () => {
  it('reads a year, with its Shanghai instants and days', () => {
    expect(parsePeriod('2023')).toEqual({
      text: '2023',
      kind: 'YEAR',
      year: 2023,
      index: 1,
      startsAt: new Date('2022-12-31T16:00:00.000Z'),
      endsAt: new Date('2023-12-31T16:00:00.000Z'),
      firstDay: '2023-01-01',
      lastDay: '2023-12-31',
    });
  });

  it('reads a quarter', () => {
    expect(parsePeriod('2023-Q2')).toEqual({
      text: '2023-Q2',
      kind: 'QUARTER',
      year: 2023,
      index: 2,
      startsAt: new Date('2023-03-31T16:00:00.000Z'),
      endsAt: new Date('2023-06-30T16:00:00.000Z'),
      firstDay: '2023-04-01',
      lastDay: '2023-06-30',
    });
    expect(parsePeriod('2023-Q4')?.endsAt).toEqual(new Date('2023-12-31T16:00:00.000Z'));
  });

  it('reads a month, leap February included', () => {
    expect(parsePeriod('2024-02')).toMatchObject({
      kind: 'MONTH',
      year: 2024,
      index: 2,
      startsAt: new Date('2024-01-31T16:00:00.000Z'),
      endsAt: new Date('2024-02-29T16:00:00.000Z'),
      firstDay: '2024-02-01',
      lastDay: '2024-02-29',
    });
    expect(parsePeriod('2023-12')?.lastDay).toBe('2023-12-31');
  });

  it(`takes the years ${MIN_YEAR} to ${MAX_YEAR} only`, () => {
    expect(parsePeriod('2000-Q1')?.year).toBe(2000);
    expect(parsePeriod('2099-12')?.year).toBe(2099);
    for (const outside of ['1999', '1999-Q4', '2100', '2100-Q1', '2100-01', '0000-Q1', '9999-Q1'])
      expect(parsePeriod(outside)).toBeNull();
  });

  it('rejects everything else', () => {
    for (const bad of [
      '',
      '23',
      '2023-Q0',
      '2023-Q5',
      '2023Q1',
      '2023-q1',
      '2023-00',
      '2023-13',
      '2023-6',
      '2023-06-01',
      ' 2023',
      '2023 ',
      'Q2-2023',
      null,
      2023,
    ])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('restricts to the kinds a field takes', () => {
    expect(parsePeriod('2023-Q2', ['QUARTER'])?.kind).toBe('QUARTER');
    expect(parsePeriod('2023-06', ['QUARTER'])).toBeNull();
    expect(parsePeriod('2023', ['MONTH', 'QUARTER'])).toBeNull();
  });

  it('has one message, naming the forms a field takes in one order', () => {
    expect(periodMessage()).toBe(
      'must be a year (2023), a quarter (2023-Q2) or a month (2023-06) from 2000 to 2099',
    );
    expect(periodMessage(['MONTH', 'QUARTER'])).toBe(
      'must be a quarter (2023-Q2) or a month (2023-06) from 2000 to 2099',
    );
    expect(periodMessage(['QUARTER'])).toBe('must be a quarter (2023-Q2) from 2000 to 2099');
  });

  it('bounds periods at Shanghai midnight', () => {
    expect(periodStart('2024-01').toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(periodEnd('2023-12').toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(periodEnd('2023-Q2').toISOString()).toBe('2023-06-30T16:00:00.000Z');
    expect(() => periodStart('2023-Q5')).toThrow('Not a period');
  });

  it('lists months and quarters', () => {
    expect(monthsOf('2023-06')).toEqual(['2023-06']);
    expect(monthsOf('2023-Q3')).toEqual(['2023-07', '2023-08', '2023-09']);
    expect(monthsOf('2023')).toHaveLength(12);
    expect(monthsOf('2023')[11]).toBe('2023-12');
    expect(quarterOfMonth('2023-06')).toBe('2023-Q2');
    expect(quarterOfMonth('2023-07')).toBe('2023-Q3');
    expect(quartersEndingWith('2024-Q1', 3)).toEqual(['2023-Q3', '2023-Q4', '2024-Q1']);
    expect(quartersOfYear(2023)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
    expect(() => monthsOf('2023-Q5')).toThrow('Not a period');
  });

  it('labels periods in Chinese', () => {
    expect(periodLabel('2023-06')).toBe('2023年6月');
    expect(periodLabel('2023-Q2')).toBe('2023年第二季度');
    expect(periodLabel('2023')).toBe('2023年');
  });

  it('tells whole months from other day ranges', () => {
    expect(isWholeMonths({ from: '2023-04-01', to: '2023-06-30' })).toBe(true);
    expect(isWholeMonths({ from: '2023-04-01', to: '2023-06-29' })).toBe(false);
    expect(isWholeMonths({ from: '2023-04-02', to: '2023-06-30' })).toBe(false);
  });
});
