import { isOverdue } from './service-request-steps';
import { SATISFIED_LEVELS, type Satisfaction } from './service-request.enums';

export interface StatsRow {
  dueAt?: Date | null;
  closedAt?: Date | null;
  satisfaction?: Satisfaction | null;
}

export interface ServiceRequestStats {
  /** Requests accepted (审查受理) in the period: the cohort every other figure is about. */
  accepted: number;
  closed: number;
  open: number;
  evaluated: number;
  satisfied: number;
  overdue: number;
  /** closed / accepted, 0–1, four decimals. */
  closedRate: number;
  /** (满意 + 基本满意) / evaluated, 0–1, four decimals. */
  satisfiedRate: number;
  /** overdue / accepted, 0–1, four decimals. */
  overdueRate: number;
}

const ratio = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : 0;

/** Completion and satisfaction figures of the requests accepted in a period. */
export function summarizeServiceRequests(rows: StatsRow[], now: Date): ServiceRequestStats {
  const accepted = rows.length;
  const closed = rows.filter((r) => r.closedAt).length;
  const evaluated = rows.filter((r) => r.satisfaction).length;
  const satisfied = rows.filter(
    (r) => r.satisfaction && SATISFIED_LEVELS.includes(r.satisfaction),
  ).length;
  const overdue = rows.filter((r) => isOverdue(r, now)).length;
  return {
    accepted,
    closed,
    open: accepted - closed,
    evaluated,
    satisfied,
    overdue,
    closedRate: ratio(closed, accepted),
    satisfiedRate: ratio(satisfied, evaluated),
    overdueRate: ratio(overdue, accepted),
  };
}
