import type { HouseholdDutyStatus } from './household-contacts.enums';

// 党员联系户 as the seeds describe it: each member contacts 10–15 households (每名党员…分包联系
// 10—15户群众) and visits every one of them each month before the 10th (每月10日前走访联系户).
// Days are Shanghai calendar days, YYYY-MM-DD; months YYYY-MM.

export const MIN_HOUSEHOLDS_PER_MEMBER = 10;
export const MAX_HOUSEHOLDS_PER_MEMBER = 15;
/** The day of the month by which every household must have had its visit. */
export const VISIT_DUE_DAY = 10;

export const monthOfDay = (day: string): string => day.slice(0, 7);

/** The last day a month's visit is on time: `2024-03` → `2024-03-10`. */
export const visitDueDate = (month: string): string =>
  `${month}-${String(VISIT_DUE_DAY).padStart(2, '0')}`;

/** A visit on or before the 10th of its own month. */
export const isOnTime = (visitedOn: string): boolean =>
  visitedOn <= visitDueDate(monthOfDay(visitedOn));

/** One assignment in a household's history: to whom, from which day. */
export interface AssignmentStep {
  memberId: string | null;
  /** The day it takes effect. */
  on: string;
}

/** Who holds the household on a day: the last assignment in effect by then (null: nobody). */
export function holderOn(steps: readonly AssignmentStep[], day: string): string | null {
  let holder: string | null = null;
  for (const step of steps) if (step.on <= day) holder = step.memberId;
  return holder;
}

/**
 * Whose duty a household's month is: its holder on the 1st. A household assigned later in the
 * month is due from the next month on, so nobody is overdue for a household received on the 9th;
 * a reassignment during the month leaves that month with the member who held it on the 1st.
 */
export const dutyHolder = (steps: readonly AssignmentStep[], month: string): string | null =>
  holderOn(steps, `${month}-01`);

/** Why a new assignment's day does not fit a household's history, or null. */
export function assignedOnProblem(
  steps: readonly AssignmentStep[],
  assignedOn: string,
  today: string,
): string | null {
  if (assignedOn > today) return 'must not be in the future';
  const last = steps[steps.length - 1];
  if (last && assignedOn < last.on)
    return `must not be before the household's last assignment (${last.on})`;
  return null;
}

/** A household due in a month, and how its visits of that month went. */
export interface DueHousehold {
  householdId: string;
  visitedOnTime: boolean;
  visitedLate: boolean;
}

export interface DutyMonth {
  month: string;
  status: HouseholdDutyStatus;
  assigned: number;
  visitedOnTime: number;
  visitedLate: number;
  /** Households without an on-time visit (pending until the 10th, missed after it). */
  notVisitedOnTime: string[];
}

/** A member's month: NONE without households, MET when all were visited by the 10th. */
export function dutyMonth(month: string, due: readonly DueHousehold[], today: string): DutyMonth {
  const notVisitedOnTime = due.filter((d) => !d.visitedOnTime).map((d) => d.householdId);
  const status: HouseholdDutyStatus = !due.length
    ? 'NONE'
    : !notVisitedOnTime.length
      ? 'MET'
      : today <= visitDueDate(month)
        ? 'PENDING'
        : 'MISSED';
  return {
    month,
    status,
    assigned: due.length,
    visitedOnTime: due.length - notVisitedOnTime.length,
    visitedLate: due.filter((d) => !d.visitedOnTime && d.visitedLate).length,
    notVisitedOnTime,
  };
}

/**
 * A year's duty for the appraisal: null when the member had no households in any month of it,
 * false when a month was missed, true otherwise (a month still pending refuses nothing yet).
 */
export function dutyMetInYear(months: readonly DutyMonth[]): boolean | null {
  const held = months.filter((m) => m.status !== 'NONE');
  if (!held.length) return null;
  return !held.some((m) => m.status === 'MISSED');
}

/** The months of a year up to `today`'s month (a later month has no duty yet). */
export function monthsSoFar(year: number, today: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return months.filter((m) => m <= monthOfDay(today));
}
