import { ageBandOf, ageOn } from '../member/age';
import { ageBandCounts, boundaryYears } from './age-bands';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const mmdd = (d: Date) => d.toISOString().slice(5, 10).replace('-', '');

/** Counts by year and by day, the way the counters keep them, from a list of birth dates. */
function countersOf(births: Date[]) {
  const byYear = new Map<number, number>();
  const byDay = new Map<number, Map<string, number>>();
  for (const b of births) {
    const y = b.getUTCFullYear();
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
    const days = byDay.get(y) ?? new Map<string, number>();
    days.set(mmdd(b), (days.get(mmdd(b)) ?? 0) + 1);
    byDay.set(y, days);
  }
  return { byYear, byDay };
}

describe('age bands from birth-year counters', () => {
  it('names the three birth years that straddle a boundary', () => {
    expect(boundaryYears(utc('2024-06-30'))).toEqual([1993, 1978, 1963]);
  });

  it('agrees with the age of every member on every day of a leap year and a common year', () => {
    const births: Date[] = [];
    // Every tenth day over 1950–2006, plus 29 February of leap years and the band edges.
    for (let t = utc('1950-01-01').getTime(); t < utc('2006-12-31').getTime(); t += 10 * 864e5)
      births.push(new Date(t));
    births.push(utc('1964-02-29'), utc('1992-02-29'), utc('1979-12-31'), utc('1993-01-01'));
    const { byYear, byDay } = countersOf(births);
    for (const start of ['2024-01-01', '2025-01-01']) {
      for (let d = 0; d < 366; d += 1) {
        const today = new Date(utc(start).getTime() + d * 864e5);
        const expected = { UP_TO_30: 0, FROM_31_TO_45: 0, FROM_46_TO_60: 0, OVER_60: 0 };
        for (const b of births) expected[ageBandOf(ageOn(b, today))] += 1;
        // Only the boundary years' day detail is handed over, as the reader does.
        const detail = new Map(boundaryYears(today).map((y) => [y, byDay.get(y) ?? new Map()]));
        expect([today.toISOString(), ageBandCounts(byYear, detail, today)]).toEqual([
          today.toISOString(),
          expected,
        ]);
      }
    }
  });
});
