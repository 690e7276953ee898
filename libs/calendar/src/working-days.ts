import { addDays, isoWeekday } from './clock';
import type { WorkCalendarDayKind } from './official-days';

/** Days that differ from the Monday–Friday rule: holidays and make-up workdays, by date. */
export type CalendarExceptions = ReadonlyMap<string, WorkCalendarDayKind>;

export function isWorkingDay(date: string, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(date);
  if (exception) return exception === 'WORKDAY';
  return isoWeekday(date) <= 5;
}

/**
 * The `n`-th working day after `date` (the day itself does not count): a request accepted on a
 * Wednesday with n = 5 is due by the end of the next Wednesday, unless holidays intervene.
 */
export function addWorkingDays(date: string, n: number, exceptions: CalendarExceptions): string {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`working days must be a positive integer: ${n}`);
  let current = date;
  let counted = 0;
  // A year has no run of 60 days without a working day; the bound catches a corrupt calendar.
  for (let guard = 0; guard < n + 60; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, exceptions) && ++counted === n) return current;
  }
  throw new Error(`no ${n} working days within ${n + 60} days after ${date}`);
}
