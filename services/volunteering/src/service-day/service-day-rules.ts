import { DATE_MESSAGE, isIsoDate, MAX_YEAR, minutesOf, MIN_YEAR } from '@jiceng/calendar';
import { SERVICE_DAY_STEPS, type ServiceDayState } from './service-day-steps';

// The pure rules of a 德邻有约 service day.

/** "统一将每月5日设为'德邻有约'服务日": the seed sets no other day, and no rule for holidays. */
export const SERVICE_DAY_OF_MONTH = 5;

/** Why `date` cannot be a service day, or null. */
export function serviceDayDateProblem(date: string): string | null {
  if (!isIsoDate(date)) return DATE_MESSAGE;
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return `must be a date from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (Number(date.slice(8, 10)) !== SERVICE_DAY_OF_MONTH)
    return 'must be the 5th of a month (每月5日, the 德邻有约 service day)';
  return null;
}

/** Why the opening hours of the day are wrong, as field errors' messages, or null. */
export function serviceHoursProblem(
  startTime: string,
  endTime: string,
): { field: 'startTime' | 'endTime'; message: string } | null {
  const start = minutesOf(startTime);
  if (start === null) return { field: 'startTime', message: 'must be a time written HH:MM' };
  const end = minutesOf(endTime);
  if (end === null) return { field: 'endTime', message: 'must be a time written HH:MM' };
  if (end <= start) return { field: 'endTime', message: `must be after ${startTime}` };
  return null;
}

/** The service day's length in minutes, what an attendance counts unless told otherwise. */
export function serviceMinutes(startTime: string, endTime: string): number {
  return (minutesOf(endTime) as number) - (minutesOf(startTime) as number);
}

/**
 * Why a change (`what`, e.g. 'recording attendance') cannot be made in `state`, worded like a
 * refused step: a signed-off record is final, and a cancelled day takes nothing.
 */
export function changeProblem(
  state: ServiceDayState,
  what: string,
  allowed: readonly ServiceDayState[],
): string | null {
  if (allowed.includes(state)) return null;
  const needs = allowed.map((s) => SERVICE_DAY_STEPS.describe(s)).join(' or ');
  return `The service day is ${SERVICE_DAY_STEPS.describe(state)}; ${what} needs ${needs}`;
}

/** The read-model keys of a day's figures: the branch and each organization above it, per month. */
export function tallyIds(path: readonly unknown[], month: string): string[] {
  return path.map((id) => `${String(id)}|${month}`);
}

/** The mean of the days' satisfaction (percent, two decimals), or null without a day. */
export function averageSatisfaction(sum: number, days: number): number | null {
  return days > 0 ? Math.round((sum / days) * 100) / 100 : null;
}

/** The values listed more than once, in first-seen order. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

export interface AgreementParties {
  unitIds: readonly string[];
  memberIds: readonly string[];
}

/**
 * Whether a volunteer serves under a signed agreement: its own (在职党员), or its unit's
 * ("签订服务协议书，规范服务人员遵守协议约定").
 */
export function coveredByAgreement(
  parties: AgreementParties,
  memberId: string,
  unitId: string | null | undefined,
): boolean {
  return parties.memberIds.includes(memberId) || (!!unitId && parties.unitIds.includes(unitId));
}
