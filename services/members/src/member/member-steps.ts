import type { FieldError } from '@jiceng/graphql';
import { isInFuture } from '@jiceng/calendar';
import { defineSteps } from '@jiceng/workflow';
import { MEMBER_STATUS_LABELS, PIPELINE, type MemberStatus } from './member.enums';

// 《中国共产党发展党员工作细则》: applicants are at least 18; an activist is trained and observed for
// more than a year before becoming a candidate; the probation period is one year.
export const MINIMUM_AGE = 18;

/**
 * The membership pipeline forward, a step named by the status it leads to, with the years the
 * member must have spent in the status before; leaving closes the record from any status. Going
 * back to an earlier status is a correction outside the steps (it needs a reason).
 */
export const MEMBER_STEPS = defineSteps('member', MEMBER_STATUS_LABELS, {
  ACTIVIST: { from: 'APPLICANT', to: 'ACTIVIST', label: '确定为入党积极分子', minimumYears: 0 },
  CANDIDATE: { from: 'ACTIVIST', to: 'CANDIDATE', label: '确定为发展对象', minimumYears: 1 },
  PROBATIONARY: { from: 'CANDIDATE', to: 'PROBATIONARY', label: '接收为预备党员', minimumYears: 0 },
  FULL: { from: 'PROBATIONARY', to: 'FULL', label: '预备党员转正', minimumYears: 1 },
  LEFT: { from: PIPELINE, to: 'LEFT', label: '出党 (leaving)', minimumYears: 0 },
});
type MemberStep = keyof typeof MEMBER_STEPS.steps;
const isMemberStep = (to: MemberStatus): to is MemberStep => to in MEMBER_STEPS.steps;

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
const label = MEMBER_STEPS.describe;

/** A dated step must not lie in the future, nor before what it follows (`since`). */
export function dateProblems(
  field: string,
  at: Date,
  since: Date | null,
  now: Date,
  sinceWhat = 'the current status began',
): FieldError[] {
  if (isInFuture(at, now)) return [{ field, message: 'lies in the future' }];
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
  const forward = target > from && isMemberStep(to);
  const skips = forward && MEMBER_STEPS.stepProblem(state.status, to) !== null;
  if (skips) {
    problems.push({
      field: 'input.to',
      message: `skips a step: after ${label(state.status)} comes ${label(PIPELINE[from + 1])}`,
    });
  } else if (target < from && !request.reason?.trim()) {
    problems.push({ field: 'input.reason', message: 'is required to go back a step' });
  }
  problems.push(...dateProblems('input.at', at, state.statusSince, now));
  const years = forward && !skips ? MEMBER_STEPS.steps[to].minimumYears : 0;
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
