import { badUserInput, type FieldError } from '@jiceng/graphql';
import { addDays, daysBetween, isIsoDate } from './shanghai-time';

// Statistics periods in Asia/Shanghai: a year ("2023"), a quarter ("2023-Q2"), a month
// ("2023-06"), or the days from/to (inclusive), at most MAX_RANGE_DAYS apart.
const PERIOD_PATTERN = /^(20\d{2})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
export const MAX_RANGE_DAYS = 366;

/** Shanghai calendar days, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

const monthStart = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);

export interface PeriodArgs {
  period?: string | null;
  from?: string | null;
  to?: string | null;
}

export function parsePeriod(period: string): DayRange | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const [first, months] = match[2]
    ? [(Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? [Number(match[3]) - 1, 1]
      : [0, 12];
  return { from: monthStart(year, first), to: addDays(monthStart(year, first + months), -1) };
}

/** The days of `period`, or of `from`–`to`: exactly one of the two ways, else BAD_USER_INPUT. */
export function dayRange({ period, from, to }: PeriodArgs): DayRange {
  if (period) {
    const range = from || to ? null : parsePeriod(period);
    if (range) return range;
    throw badUserInput([
      {
        field: 'period',
        message:
          from || to
            ? 'give either a period or from and to, not both'
            : 'must be a year (2023), a quarter (2023-Q2) or a month (2023-06)',
      },
    ]);
  }
  const problems: FieldError[] = [];
  for (const [field, value] of Object.entries({ from, to }))
    if (!value || !isIsoDate(value))
      problems.push({ field, message: 'must be a date (YYYY-MM-DD) when no period is given' });
  if (problems.length) throw badUserInput(problems);
  const span = daysBetween(from as string, to as string);
  if (span < 0) throw badUserInput([{ field: 'to', message: 'must not be before from' }]);
  if (span >= MAX_RANGE_DAYS)
    throw badUserInput([
      { field: 'to', message: `must be less than ${MAX_RANGE_DAYS} days after from` },
    ]);
  return { from: from as string, to: to as string };
}

/** Whether the days are whole Shanghai months, as every period is: monthly counters cover them. */
export function isWholeMonths({ from, to }: DayRange): boolean {
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01');
}
