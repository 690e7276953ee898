import { ValidateBy } from 'class-validator';
import type { FieldError } from '@jiceng/graphql';

// Dates, years and quarters are Asia/Shanghai; instants are stored in UTC. China has kept UTC+8
// without daylight saving since 1991, so a fixed offset converts exactly.
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
/** Clients' clocks run a little ahead; a step dated within this margin is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const shanghaiYear = (instant: Date): number => Number(shanghaiDate(instant).slice(0, 4));

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: unknown): date is string {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === date;
}

export interface QuarterRange {
  quarter: string;
  /** Inclusive. */
  startsAt: Date;
  /** Exclusive. */
  endsAt: Date;
}

/** A quarter such as 2023-Q2 as Shanghai instants, or null when it is not one. */
export function quarterRange(quarter: string): QuarterRange | null {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) return null;
  const [year, first] = [Number(match[1]), (Number(match[2]) - 1) * 3];
  const start = (month: number) => new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS);
  return { quarter, startsAt: start(first), endsAt: start(first + 3) };
}

export const IsIsoDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: isIsoDate,
      defaultMessage: () => 'must be a calendar date written YYYY-MM-DD',
    },
  });

export const IsQuarter = (): PropertyDecorator =>
  ValidateBy({
    name: 'isQuarter',
    validator: {
      validate: (v) => typeof v === 'string' && quarterRange(v) !== null,
      defaultMessage: () => 'must be a quarter written YYYY-Qn, e.g. 2023-Q2',
    },
  });

/** A dated step lies neither in the future nor before what it follows. */
export function stepDateProblems(
  field: string,
  at: Date,
  since: Date | null,
  now: Date,
): FieldError[] {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return [{ field, message: 'lies in the future' }];
  if (since && at < since)
    return [{ field, message: `is before the previous step (${since.toISOString()})` }];
  return [];
}
