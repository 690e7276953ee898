import {
  dutyHolder,
  dutyMonth,
  visitDueDate,
  type AssignmentStep,
  type DueHousehold,
  type DutyMonth,
} from './household-contact.rules';
import { householdKey, type RosterHousehold } from './household-contacts.schema';
import type { HouseholdGridMonth } from './household-tally.schema';

// The figures of a grid's month, computed from its roster (who held which household on the 1st)
// and its month tally (the visits): pure, so that a subtree's figures are the sum of its grids'.

export interface RosterLike {
  _id: { toString(): string };
  households: readonly RosterHousehold[];
}

export interface GridMonthStats {
  organizationId: string;
  month: string;
  /** Households registered by the month's end. */
  households: number;
  /** Of those, assigned to a member on the 1st: the visits due (应走访). */
  covered: number;
  visitedOnTime: number;
  /** Due households visited only after the 10th. */
  visitedLate: number;
  /** Members holding due households. */
  members: number;
  /** Members with a due household not visited by the 10th, once the 10th is over. */
  overdueMembers: string[];
  problemsFound: number;
  problemsSolved: number;
}

export const stepsOf = (h: Pick<RosterHousehold, 'history'>): AssignmentStep[] =>
  h.history.map((c) => ({ memberId: String(c.to), on: c.on }));

/** Per household of the month's tally: visited on time, visited late. */
function visitedIn(
  tally: HouseholdGridMonth | null,
): Map<string, { onTime: boolean; late: boolean }> {
  const by = new Map<string, { onTime: boolean; late: boolean }>();
  for (const v of Object.values(tally?.visits ?? {})) {
    const seen = by.get(v.householdId) ?? { onTime: false, late: false };
    if (v.onTime) seen.onTime = true;
    else seen.late = true;
    by.set(v.householdId, seen);
  }
  return by;
}

/** The due households of a roster's month with their holders. */
function dueOf(
  roster: RosterLike | null,
  tally: HouseholdGridMonth | null,
  month: string,
): { holder: string; due: DueHousehold }[] {
  const visited = visitedIn(tally);
  return (roster?.households ?? []).flatMap((h) => {
    const holder = dutyHolder(stepsOf(h), month);
    if (!holder) return [];
    const householdId = householdKey(roster!._id.toString(), h._id);
    const seen = visited.get(householdId);
    return [
      {
        holder,
        due: { householdId, visitedOnTime: !!seen?.onTime, visitedLate: !!seen?.late },
      },
    ];
  });
}

export function gridMonthStats(
  gridId: string,
  roster: RosterLike | null,
  tally: HouseholdGridMonth | null,
  month: string,
  today: string,
): GridMonthStats {
  const due = dueOf(roster, tally, month);
  const over = today > visitDueDate(month);
  const visits = Object.values(tally?.visits ?? {});
  const withProblem = visits.filter((v) => v.problem);
  return {
    organizationId: gridId,
    month,
    households: (roster?.households ?? []).filter((h) => h.registeredOn.slice(0, 7) <= month)
      .length,
    covered: due.length,
    visitedOnTime: due.filter((d) => d.due.visitedOnTime).length,
    visitedLate: due.filter((d) => !d.due.visitedOnTime && d.due.visitedLate).length,
    members: new Set(due.map((d) => d.holder)).size,
    overdueMembers: over
      ? [...new Set(due.filter((d) => !d.due.visitedOnTime).map((d) => d.holder))].sort()
      : [],
    problemsFound: withProblem.length,
    problemsSolved: withProblem.filter((v) => v.solved).length,
  };
}

export type StatsTotals = Omit<GridMonthStats, 'organizationId' | 'month' | 'overdueMembers'> & {
  grids: number;
  /** Grids with visits due: a grid (a 党小组, say) whose households are not entered yet is not. */
  gridsCovered: number;
  overdueMembers: number;
};

export function statsTotals(rows: readonly GridMonthStats[]): StatsTotals {
  const sum = (f: (r: GridMonthStats) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    grids: rows.length,
    gridsCovered: rows.filter((r) => r.covered > 0).length,
    households: sum((r) => r.households),
    covered: sum((r) => r.covered),
    visitedOnTime: sum((r) => r.visitedOnTime),
    visitedLate: sum((r) => r.visitedLate),
    members: sum((r) => r.members),
    overdueMembers: new Set(rows.flatMap((r) => r.overdueMembers)).size,
    problemsFound: sum((r) => r.problemsFound),
    problemsSolved: sum((r) => r.problemsSolved),
  };
}

/** A member's month over the grids it held households in. */
export function memberDutyMonth(
  memberId: string,
  grids: readonly { roster: RosterLike | null; tally: HouseholdGridMonth | null }[],
  month: string,
  today: string,
): DutyMonth {
  const due = grids.flatMap((g) =>
    dueOf(g.roster, g.tally, month)
      .filter((d) => d.holder === memberId)
      .map((d) => d.due),
  );
  return dutyMonth(month, due, today);
}
