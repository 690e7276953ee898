import { type IntervalProblem, type Weekday, openingHoursProblems } from '@jiceng/calendar';

/**
 * A service centre's interval: one weekday, closing after it opens on the same day (a centre open
 * overnight lists two intervals, up to 24:00 and from 00:00), checked by @jiceng/calendar.
 */
export interface OpeningInterval {
  weekday: Weekday;
  /** "HH:MM", local time (Asia/Shanghai). */
  opens: string;
  /** "HH:MM", after `opens` on the same day; "24:00" closes at midnight. */
  closes: string;
}

export const centerHoursProblems = (intervals: readonly OpeningInterval[]): IntervalProblem[] =>
  openingHoursProblems(
    intervals.map(({ weekday, opens, closes }) => ({ weekdays: [weekday], opens, closes })),
    { overnight: false },
  );
