import { ACTIVE_STATES, type SecretaryProjectState } from './secretary-project-steps';

export interface StateCount {
  year: number;
  state: SecretaryProjectState;
  count: number;
}

export interface CompletionRow {
  year: number;
  total: number;
  /** Awaiting the decision on 立项. */
  proposed: number;
  rejected: number;
  /** 立项: approved at some point (in progress, accepted or failed now). */
  approved: number;
  inProgress: number;
  accepted: number;
  failed: number;
  /** accepted / approved, to four decimals; 0 without approved projects. */
  completionRate: number;
}

/** "36个项目…经审核通过后已立项实施，其中28项已完成": completion per year of 立项. */
export function completionByYear(counts: readonly StateCount[]): CompletionRow[] {
  const rows = new Map<number, CompletionRow>();
  for (const { year, state, count } of counts) {
    let row = rows.get(year);
    if (!row) {
      row = {
        year,
        total: 0,
        proposed: 0,
        rejected: 0,
        approved: 0,
        inProgress: 0,
        accepted: 0,
        failed: 0,
        completionRate: 0,
      };
      rows.set(year, row);
    }
    row.total += count;
    if (state === 'PROPOSED') row.proposed += count;
    else if (state === 'REJECTED') row.rejected += count;
    else {
      row.approved += count;
      if (state === 'ACCEPTED') row.accepted += count;
      else if (state === 'FAILED') row.failed += count;
      else if (ACTIVE_STATES.includes(state)) row.inProgress += count;
    }
  }
  for (const row of rows.values())
    row.completionRate = row.approved ? Math.round((row.accepted / row.approved) * 1e4) / 1e4 : 0;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}
