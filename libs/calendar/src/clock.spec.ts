import {
  addDays,
  daysBetween,
  isIsoDate,
  isoWeekday,
  shanghaiClock,
  shanghaiDate,
  shanghaiDayEnd,
  shanghaiDayStart,
  shanghaiInstant,
  shanghaiMonth,
  shanghaiQuarter,
  shanghaiToday,
  shanghaiYear,
} from './clock';

// Shanghai midnight is 16:00 UTC the day before.
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1);

describe('Shanghai clock', () => {
  it('turns the day at Shanghai midnight, not UTC midnight', () => {
    expect(shanghaiDate(new Date('2023-06-04T16:00:00.000Z'))).toBe('2023-06-05');
    expect(shanghaiDate(justBefore('2023-06-04T16:00:00.000Z'))).toBe('2023-06-04');
    expect(shanghaiDate(new Date('2023-06-05T15:59:59.999Z'))).toBe('2023-06-05');
    expect(shanghaiToday(new Date('2023-06-04T16:00:00.000Z'))).toEqual(
      new Date('2023-06-05T00:00:00.000Z'),
    );
  });

  it('turns the month, quarter and year at Shanghai midnight', () => {
    const newYear = '2023-12-31T16:00:00.000Z'; // 2024-01-01 00:00 in Shanghai
    expect(shanghaiMonth(new Date(newYear))).toBe('2024-01');
    expect(shanghaiMonth(justBefore(newYear))).toBe('2023-12');
    expect(shanghaiQuarter(new Date(newYear))).toBe('2024-Q1');
    expect(shanghaiQuarter(justBefore(newYear))).toBe('2023-Q4');
    expect(shanghaiYear(new Date(newYear))).toBe(2024);
    expect(shanghaiYear(justBefore(newYear))).toBe(2023);
    const july = '2023-06-30T16:00:00.000Z';
    expect(shanghaiQuarter(new Date(july))).toBe('2023-Q3');
    expect(shanghaiQuarter(justBefore(july))).toBe('2023-Q2');
    expect(shanghaiMonth(justBefore(july))).toBe('2023-06');
  });

  it('converts Shanghai wall-clock times to instants', () => {
    expect(shanghaiInstant('2023-06-05')).toEqual(new Date('2023-06-04T16:00:00.000Z'));
    expect(shanghaiInstant('2023-06-05', 8, 30)).toEqual(new Date('2023-06-05T00:30:00.000Z'));
    expect(shanghaiDayStart('2024-03-01')).toEqual(new Date('2024-02-29T16:00:00.000Z'));
    expect(shanghaiDayEnd('2024-02-29')).toEqual(new Date('2024-02-29T16:00:00.000Z'));
  });

  it('numbers weekdays the ISO way, 1 = Monday … 7 = Sunday, on the Shanghai day', () => {
    expect(isoWeekday('2023-06-05')).toBe(1); // a Monday
    expect(isoWeekday('2023-06-11')).toBe(7);
    // Sunday 23:59 in Shanghai, Monday 00:00 in Shanghai
    expect(shanghaiClock(new Date('2023-06-11T15:59:00.000Z'))).toEqual({
      weekday: 7,
      minute: 23 * 60 + 59,
    });
    expect(shanghaiClock(new Date('2023-06-11T16:00:00.000Z'))).toEqual({ weekday: 1, minute: 0 });
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2023-12-31', '2024-01-02')).toBe(2);
    expect(daysBetween('2024-01-02', '2023-12-31')).toBe(-2);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2023-13-01', '2023-6-5', '20230605', '', null, 20230605])
      expect(isIsoDate(bad)).toBe(false);
  });
});
