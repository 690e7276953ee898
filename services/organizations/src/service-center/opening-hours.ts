import type { Weekday } from './service-center.enums';

export interface OpeningInterval {
  weekday: Weekday;
  /** "HH:MM", local time (Asia/Shanghai). */
  opens: string;
  /** "HH:MM", after `opens` on the same day; "24:00" closes at midnight. */
  closes: string;
}

export interface IntervalProblem {
  /** Index of the offending interval in the list. */
  index: number;
  field: 'opens' | 'closes';
  message: string;
}

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Minutes after midnight, or null when the text is not HH:MM (24:00 only as a closing time). */
export function minutesOf(time: string, closing = false): number | null {
  if (closing && time === '24:00') return 24 * 60;
  if (!HH_MM.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/**
 * What is wrong with a weekly schedule: each interval opens before it closes on the same day
 * (a centre open overnight lists two intervals, up to 24:00 and from 00:00), and intervals of one
 * weekday do not overlap (a lunch break is two intervals).
 */
export function openingHoursProblems(intervals: OpeningInterval[]): IntervalProblem[] {
  const problems: IntervalProblem[] = [];
  const valid: { index: number; weekday: Weekday; from: number; to: number }[] = [];
  intervals.forEach(({ weekday, opens, closes }, index) => {
    const from = minutesOf(opens);
    const to = minutesOf(closes, true);
    if (from === null)
      problems.push({ index, field: 'opens', message: 'must be HH:MM, 00:00-23:59' });
    if (to === null)
      problems.push({ index, field: 'closes', message: 'must be HH:MM, 00:01-24:00' });
    if (from === null || to === null) return;
    if (to <= from) {
      problems.push({ index, field: 'closes', message: `must be after the opening time ${opens}` });
      return;
    }
    valid.push({ index, weekday, from, to });
  });
  for (const a of valid) {
    const clash = valid.find(
      (b) => b.index < a.index && b.weekday === a.weekday && b.from < a.to && a.from < b.to,
    );
    if (clash)
      problems.push({
        index: a.index,
        field: 'opens',
        message: `overlaps ${intervals[clash.index].opens}-${intervals[clash.index].closes} on ${a.weekday}`,
      });
  }
  return problems;
}
