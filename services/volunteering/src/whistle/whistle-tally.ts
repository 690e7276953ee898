// The statistics of 吹哨报到 as read models: one tally per organization and month, `_id`
// `<orgId>|<YYYY-MM>`, for the requester (village or community) and each of its ancestors. The
// tally consumer adds each event's increments; the statistics query reads the tallies of one
// root and the months of a period by `_id`, never the whistles themselves.
import { SATISFIED_LEVELS, type Satisfaction } from '../service-request/service-request.enums';
import type { WhistleCategory } from './whistle.enums';
import type { WhistleEventKind } from './whistle.events';

export interface DepartmentTally {
  addressed: number;
  answered: number;
  onTime: number;
}

export interface WhistleTally {
  /** `<orgId>|<YYYY-MM>`: the month the problems were raised in (Asia/Shanghai). */
  _id: string;
  orgId: string;
  month: string;
  raised?: number;
  resolved?: number;
  whistled?: number;
  /** Problems whistled, by category. */
  categories?: Partial<Record<WhistleCategory, number>>;
  /** Per department id: reports addressed, answered, answered by their due date. */
  departments?: Record<string, Partial<DepartmentTally>>;
  reports?: number;
  answered?: number;
  onTime?: number;
  evaluated?: number;
  satisfied?: number;
  /** The latest event ids counted here: a redelivered event adds nothing. */
  applied?: string[];
}

/** What a tally needs of the whistle an event is about. */
export interface TalliedWhistle {
  category: WhistleCategory;
  reports: { departmentId: { toString(): string }; answeredLate?: boolean | null }[];
  satisfaction?: Satisfaction | null;
}

/** The `$inc` of one event on every tally of the whistle's path. */
export function tallyIncrements(
  kind: WhistleEventKind,
  whistle: TalliedWhistle,
  departmentId: string | null,
): Record<string, number> {
  switch (kind) {
    case 'raised':
      return { raised: 1 };
    case 'resolved':
      return { resolved: 1 };
    case 'whistled': {
      const inc: Record<string, number> = {
        whistled: 1,
        [`categories.${whistle.category}`]: 1,
        reports: whistle.reports.length,
      };
      for (const r of whistle.reports) inc[`departments.${String(r.departmentId)}.addressed`] = 1;
      return inc;
    }
    case 'answered': {
      const report = whistle.reports.find((r) => String(r.departmentId) === departmentId);
      if (!report) return {};
      const onTime = report.answeredLate ? 0 : 1;
      return {
        answered: 1,
        onTime,
        [`departments.${departmentId}.answered`]: 1,
        [`departments.${departmentId}.onTime`]: onTime,
      };
    }
    case 'evaluated':
      return {
        evaluated: 1,
        satisfied: whistle.satisfaction && SATISFIED_LEVELS.includes(whistle.satisfaction) ? 1 : 0,
      };
    default:
      // accepted, acted: dated in the whistle's history, no figure of their own.
      return {};
  }
}

export interface DepartmentStats extends DepartmentTally {
  departmentId: string;
  onTimeRate: number;
}

export interface WhistleStats {
  raised: number;
  resolved: number;
  whistled: number;
  byCategory: { category: WhistleCategory; whistled: number }[];
  byDepartment: DepartmentStats[];
  reports: number;
  answered: number;
  onTime: number;
  onTimeRate: number;
  evaluated: number;
  satisfied: number;
  satisfiedRate: number;
}

const rate = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : 0;

/**
 * The figures of a period from its months' tallies of one root. The on-time rate is over the
 * answered reports (answered by the due date / answered); open reports are `reports − answered`,
 * and whether they are overdue yet is for the whistle list, which knows `now`.
 */
export function sumTallies(tallies: readonly WhistleTally[]): WhistleStats {
  const n = (v: number | undefined) => v ?? 0;
  const categories = new Map<WhistleCategory, number>();
  const departments = new Map<string, DepartmentTally>();
  const total = {
    raised: 0,
    resolved: 0,
    whistled: 0,
    reports: 0,
    answered: 0,
    onTime: 0,
    evaluated: 0,
    satisfied: 0,
  };
  for (const t of tallies) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += n(t[key]);
    for (const [category, count] of Object.entries(t.categories ?? {}) as [
      WhistleCategory,
      number,
    ][])
      categories.set(category, (categories.get(category) ?? 0) + count);
    for (const [id, d] of Object.entries(t.departments ?? {})) {
      const sum = departments.get(id) ?? { addressed: 0, answered: 0, onTime: 0 };
      sum.addressed += n(d.addressed);
      sum.answered += n(d.answered);
      sum.onTime += n(d.onTime);
      departments.set(id, sum);
    }
  }
  return {
    ...total,
    byCategory: [...categories]
      .map(([category, whistled]) => ({ category, whistled }))
      .sort((a, b) => b.whistled - a.whistled || a.category.localeCompare(b.category)),
    byDepartment: [...departments]
      .map(([departmentId, d]) => ({ departmentId, ...d, onTimeRate: rate(d.onTime, d.answered) }))
      .sort((a, b) => b.addressed - a.addressed || a.departmentId.localeCompare(b.departmentId)),
    onTimeRate: rate(total.onTime, total.answered),
    satisfiedRate: rate(total.satisfied, total.evaluated),
  };
}
