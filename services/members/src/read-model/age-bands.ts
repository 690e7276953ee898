import { AGE_BANDS, type AgeBand } from '../member/member.enums';
import { ageBandOf } from '../member/age';

// Age bands from counts by birth year, exact on any day. A member born in year b is Y−b years old
// on today's date in year Y once the birthday has passed and Y−b−1 before. Both ages fall in the
// same band unless Y−b is 31, 46 or 61 (ages 30|31, 45|46, 60|61): only for those three birth
// years are counts by birth day needed, and only for them are day-level counters read.
const UPPER_AGES_AT_BOUNDARY = [31, 46, 61];

/** The birth years whose members straddle a band boundary on `today` (a UTC-midnight date). */
export function boundaryYears(today: Date): number[] {
  return UPPER_AGES_AT_BOUNDARY.map((age) => today.getUTCFullYear() - age);
}

/** `MMDD` of today: a birthday `d.mMMDD` not after it has passed this year. */
export const monthDay = (today: Date) =>
  `${String(today.getUTCMonth() + 1).padStart(2, '0')}${String(today.getUTCDate()).padStart(2, '0')}`;

/**
 * Members per band from `byYear` (birth year → count) and, for the boundary years, `byDay`
 * (birth year → MMDD → count). Birthdays on 29 February count as not yet passed on 28 February of
 * a common year, as `ageOn` does.
 */
export function ageBandCounts(
  byYear: ReadonlyMap<number, number>,
  byDay: ReadonlyMap<number, ReadonlyMap<string, number>>,
  today: Date,
): Record<AgeBand, number> {
  const counts = Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>;
  const year = today.getUTCFullYear();
  const boundary = new Set(boundaryYears(today));
  const md = monthDay(today);
  for (const [born, n] of byYear) {
    const upper = year - born;
    if (!boundary.has(born)) {
      counts[ageBandOf(upper)] += n;
      continue;
    }
    let passed = 0;
    for (const [day, m] of byDay.get(born) ?? []) if (day <= md) passed += m;
    counts[ageBandOf(upper)] += passed;
    counts[ageBandOf(upper - 1)] += n - passed;
  }
  return counts;
}
