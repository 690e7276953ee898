import { shanghaiClock } from './clock';
import { isoWeekdayOf, type Weekday } from './weekday';

/**
 * Opening hours, Asia/Shanghai wall clock: on each of `weekdays` the place opens at `opens`; it
 * closes at `closes` the same day, or the next morning when `closes` is not after `opens` (an
 * overnight interval such as 20:00–06:00) where overnight intervals are allowed. 00:00–24:00 is
 * the whole day.
 */
export interface OpeningInterval {
  weekdays: readonly Weekday[];
  opens: string;
  closes: string;
}

export interface IntervalProblem {
  /** Index of the offending interval in the list. */
  index: number;
  field: 'opens' | 'closes';
  message: string;
}

export interface OpeningHoursRules {
  /** Whether an interval may run past midnight; without, a place open overnight lists two. */
  overnight: boolean;
}

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Minutes after midnight, or null when the text is not HH:MM (24:00 only as a closing time). */
export function minutesOf(time: string, closing = false): number | null {
  if (closing && time === '24:00') return DAY;
  if (!HH_MM.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** Whether the interval runs past midnight into the next day. */
export function isOvernight({ opens, closes }: Pick<OpeningInterval, 'opens' | 'closes'>): boolean {
  const from = minutesOf(opens);
  const to = minutesOf(closes, true);
  return from !== null && to !== null && to < from;
}

/** Half-open minute ranges of the week (Monday 00:00 = 0), unwrapped past Sunday midnight. */
function weekSpans(interval: OpeningInterval): [number, number][] | null {
  const from = minutesOf(interval.opens);
  const to = minutesOf(interval.closes, true);
  if (from === null || to === null || to === from) return null;
  const length = to > from ? to - from : DAY - from + to;
  return interval.weekdays.flatMap((weekday) => {
    const start = (isoWeekdayOf(weekday) - 1) * DAY + from;
    const end = start + length;
    return end <= WEEK
      ? [[start, end] as [number, number]]
      : [
          [start, WEEK],
          [0, end - WEEK],
        ];
  });
}

const overlaps = (a: [number, number][], b: [number, number][]) =>
  a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));

/**
 * What is wrong with a schedule: times are HH:MM, an interval does not open and close at the same
 * minute (nor close before it opens, unless overnight intervals are allowed), and no two intervals
 * cover the same minute of the week (an overnight interval counts against the next morning's).
 * Each interval is checked against every earlier well-formed one, so each clash is named.
 */
export function openingHoursProblems(
  intervals: readonly OpeningInterval[],
  { overnight }: OpeningHoursRules = { overnight: true },
): IntervalProblem[] {
  const problems: IntervalProblem[] = [];
  const spans: { index: number; spans: [number, number][] }[] = [];
  intervals.forEach((interval, index) => {
    const from = minutesOf(interval.opens);
    const to = minutesOf(interval.closes, true);
    if (from === null)
      problems.push({ index, field: 'opens', message: 'must be HH:MM, 00:00-23:59' });
    if (to === null)
      problems.push({ index, field: 'closes', message: 'must be HH:MM, 00:00-24:00' });
    if (from === null || to === null) return;
    if (!overnight && to <= from) {
      const message = `must be after the opening time ${interval.opens}`;
      problems.push({ index, field: 'closes', message });
      return;
    }
    const own = weekSpans(interval);
    if (!own) {
      const message = 'must differ from the opening time (00:00-24:00 is the whole day)';
      problems.push({ index, field: 'closes', message });
      return;
    }
    const clash = spans.find((other) => overlaps(other.spans, own));
    if (clash) {
      const { opens, closes } = intervals[clash.index];
      problems.push({ index, field: 'opens', message: `overlaps ${opens}-${closes}` });
    }
    spans.push({ index, spans: own });
  });
  return problems;
}

/** Whether the schedule has the place open at the instant (Asia/Shanghai). */
export function isOpenAt(intervals: readonly OpeningInterval[], instant: Date): boolean {
  const { weekday, minute } = shanghaiClock(instant);
  const t = (weekday - 1) * DAY + minute; // ISO weekday: Monday is 1, the week's minute 0
  return intervals.some((interval) =>
    (weekSpans(interval) ?? []).some(([start, end]) => start <= t && t < end),
  );
}
