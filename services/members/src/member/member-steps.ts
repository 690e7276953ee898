import type { FieldError } from '@jiceng/graphql';
import { MEMBER_STATUS_LABELS, PIPELINE, type MemberStatus } from './member.enums';

// 《中国共产党发展党员工作细则》: applicants are at least 18; an activist is trained and observed for
// more than a year before becoming a candidate; the probation period is one year.
export const MINIMUM_AGE = 18;
const MINIMUM_YEARS_BEFORE: Partial<Record<MemberStatus, number>> = { CANDIDATE: 1, FULL: 1 };
const CLOCK_SKEW_MS = 5 * 60_000;

export interface StatusState {
  status: MemberStatus;
  statusSince: Date;
  birthDate: Date;
}

export interface TransitionRequest {
  to: MemberStatus;
  at: Date;
  reason?: string | null;
}

const addYears = (date: Date, years: number) =>
  new Date(
    Date.UTC(
      date.getUTCFullYear() + years,
      date.getUTCMonth(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ),
  );
const day = (date: Date) => date.toISOString().slice(0, 10);
const label = (status: MemberStatus) => `${status} (${MEMBER_STATUS_LABELS[status]})`;

/** A dated step must not lie in the future, nor before what it follows (`since`). */
export function dateProblems(
  field: string,
  at: Date,
  since: Date | null,
  now: Date,
  sinceWhat = 'the current status began',
): FieldError[] {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return [{ field, message: 'lies in the future' }];
  if (since && at < since) return [{ field, message: `is before ${sinceWhat} (${day(since)})` }];
  return [];
}

/**
 * Why a status change is not allowed ([] when it is): forward only to the next step, after the
 * minimum period; back to any earlier step only with a reason. Leaving is `leaveParty`.
 */
export function transitionProblems(
  state: StatusState,
  request: TransitionRequest,
  now: Date,
): FieldError[] {
  const { to, at } = request;
  if (to === 'LEFT')
    return [{ field: 'input.to', message: 'leaving the party is recorded with leaveParty' }];
  if (to === state.status) return [{ field: 'input.to', message: `is already the status` }];
  const from = PIPELINE.indexOf(state.status);
  const target = PIPELINE.indexOf(to);
  const problems: FieldError[] = [];
  if (target > from + 1) {
    problems.push({
      field: 'input.to',
      message: `skips a step: after ${label(state.status)} comes ${label(PIPELINE[from + 1])}`,
    });
  } else if (target < from && !request.reason?.trim()) {
    problems.push({ field: 'input.reason', message: 'is required to go back a step' });
  }
  problems.push(...dateProblems('input.at', at, state.statusSince, now));
  const years = target === from + 1 ? MINIMUM_YEARS_BEFORE[to] : undefined;
  if (years && at < addYears(state.statusSince, years)) {
    problems.push({
      field: 'input.at',
      message: `is too early: ${label(to)} follows at least ${years} year(s) as ${label(state.status)}, i.e. on or after ${day(addYears(state.statusSince, years))}`,
    });
  }
  return problems;
}

/** Why a member cannot be registered with this status and date ([] when it can). */
export function registrationProblems(
  state: { status: MemberStatus; statusSince: Date; birthDate: Date },
  now: Date,
): FieldError[] {
  if (state.status === 'LEFT')
    return [{ field: 'input.status', message: 'a member cannot be registered as LEFT' }];
  const problems = dateProblems('input.statusSince', state.statusSince, null, now);
  if (state.statusSince < addYears(state.birthDate, MINIMUM_AGE)) {
    problems.push({
      field: 'input.statusSince',
      message: `is before the member turned ${MINIMUM_AGE} (${day(addYears(state.birthDate, MINIMUM_AGE))})`,
    });
  }
  return problems;
}
