import { dayRange, isWholeMonths, parsePeriod } from './period';
import {
  addDays,
  daysBetween,
  shanghaiClock,
  shanghaiDate,
  shanghaiInstant,
} from './shanghai-time';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error: any) {
    return error.extensions.fields.map((f: { field: string }) => f.field);
  }
  throw new Error('no error');
};

describe('Shanghai days', () => {
  it('puts an instant on its Shanghai date: 16:00 UTC is the next midnight', () => {
    expect(shanghaiDate(new Date('2023-06-30T15:59:59.999Z'))).toBe('2023-06-30');
    expect(shanghaiDate(new Date('2023-06-30T16:00:00.000Z'))).toBe('2023-07-01');
    expect(shanghaiInstant('2023-07-01', 8, 30)).toEqual(new Date('2023-07-01T00:30:00.000Z'));
    // 2023-06-05 is a Monday; 23:30 UTC on Sunday the 4th is already Monday 07:30 in Shanghai.
    expect(shanghaiClock(new Date('2023-06-04T23:30:00Z'))).toEqual({ weekday: 0, minute: 450 });
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('statistics periods', () => {
  it('reads years, quarters and months as inclusive Shanghai days', () => {
    expect(parsePeriod('2023-06')).toEqual({ from: '2023-06-01', to: '2023-06-30' });
    expect(parsePeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2023-Q4')).toEqual({ from: '2023-10-01', to: '2023-12-31' });
    expect(parsePeriod('2023')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    for (const bad of ['2023-13', '2023-Q5', '23', '2023-6']) expect(parsePeriod(bad)).toBeNull();
  });

  it('takes a period or from/to, and names the offending argument', () => {
    expect(dayRange({ period: '2023-Q2' })).toEqual({ from: '2023-04-01', to: '2023-06-30' });
    expect(dayRange({ from: '2023-05-01', to: '2023-05-31' })).toEqual({
      from: '2023-05-01',
      to: '2023-05-31',
    });
    expect(fieldsOf(() => dayRange({ period: 'June' }))).toEqual(['period']);
    expect(fieldsOf(() => dayRange({ period: '2023', from: '2023-01-01' }))).toEqual(['period']);
    expect(fieldsOf(() => dayRange({}))).toEqual(['from', 'to']);
    expect(fieldsOf(() => dayRange({ from: '2023-02-30', to: '2023-03-01' }))).toEqual(['from']);
    expect(fieldsOf(() => dayRange({ from: '2023-05-02', to: '2023-05-01' }))).toEqual(['to']);
    expect(fieldsOf(() => dayRange({ from: '2023-01-01', to: '2024-01-02' }))).toEqual(['to']);
  });

  it('knows whole months, which monthly counters answer', () => {
    expect(isWholeMonths(dayRange({ period: '2023' }))).toBe(true);
    expect(isWholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(true);
    expect(isWholeMonths({ from: '2023-06-01', to: '2023-06-29' })).toBe(false);
    expect(isWholeMonths({ from: '2023-06-02', to: '2023-06-30' })).toBe(false);
  });
});
