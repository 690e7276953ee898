import { ValidateBy } from 'class-validator';
import { badUserInput, type FieldError } from '@jiceng/graphql';
import { daysBetween, isInFuture, isIsoDate } from './clock';
import { MAX_YEAR, MIN_YEAR, parsePeriod, periodMessage, PERIOD_KINDS } from './period';
import type { Period, PeriodKind } from './period';

// Input validation for calendar values, with one message per concept so that every service
// refuses the same input in the same words.
export const DATE_MESSAGE = 'must be a calendar date written YYYY-MM-DD';
export const YEAR_MESSAGE = `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`;
/** Longest day range a statistic takes: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

export const isYear = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= MAX_YEAR;

/** A period argument of the given kinds, or BAD_USER_INPUT on `field`. */
export function periodArg(
  text: string,
  field = 'period',
  kinds: readonly PeriodKind[] = PERIOD_KINDS,
): Period {
  const parsed = parsePeriod(text, kinds);
  if (!parsed) throw badUserInput([{ field, message: periodMessage(kinds) }]);
  return parsed;
}

export function optionalPeriodArg(
  text: string | null | undefined,
  field = 'period',
  kinds: readonly PeriodKind[] = PERIOD_KINDS,
): Period | null {
  return text === null || text === undefined ? null : periodArg(text, field, kinds);
}

/** Shanghai calendar days, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

export interface DayRangeArgs {
  period?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The days of `period`, or of `from`–`to` (inclusive, less than MAX_RANGE_DAYS apart): exactly
 * one of the two ways, else BAD_USER_INPUT.
 */
export function dayRange({ period, from, to }: DayRangeArgs): DayRange {
  if (period) {
    if (from || to)
      throw badUserInput([
        { field: 'period', message: 'give either a period or from and to, not both' },
      ]);
    const p = periodArg(period);
    return { from: p.firstDay, to: p.lastDay };
  }
  const problems: FieldError[] = [];
  for (const [field, value] of Object.entries({ from, to }))
    if (!isIsoDate(value))
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

export const IsPeriod = (kinds: readonly PeriodKind[] = PERIOD_KINDS): PropertyDecorator =>
  ValidateBy({
    name: 'isPeriod',
    validator: {
      validate: (v) => parsePeriod(v, kinds) !== null,
      defaultMessage: () => periodMessage(kinds),
    },
  });

export const IsIsoDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isIsoDate',
    validator: { validate: isIsoDate, defaultMessage: () => DATE_MESSAGE },
  });

/** A calendar year (Asia/Shanghai) as the platform records them. */
export const IsYear = (): PropertyDecorator =>
  ValidateBy({
    name: 'isYear',
    validator: { validate: isYear, defaultMessage: () => YEAR_MESSAGE },
  });

/**
 * An instant a caller may give for a step (dated back from paper records), or now when it gives
 * none; BAD_USER_INPUT naming the field when it lies in the future (see isInFuture).
 */
export function pastOrNow(at: Date | undefined, field: string, now = new Date()): Date {
  if (!at) return now;
  if (isInFuture(at, now)) throw badUserInput([{ field, message: 'is in the future' }]);
  return at;
}
