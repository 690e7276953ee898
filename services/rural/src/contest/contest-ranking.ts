// 擂台赛: entries are ranked by the mean of their jury scores. Means are compared exactly (as
// fractions), ties go to the entry with the higher lowest score, then to the earlier entry, so
// the same scores always give the same ranking.

export interface ScoredEntry {
  /** Entry ids are ObjectIds: in string order they are in entry order. */
  id: string;
  scores: readonly { juror: string; score: number }[];
}

export interface ContestRankRow {
  entryId: string;
  rank: number;
  /** Two decimals; null for an entry without scores (ranked last). */
  meanScore: number | null;
  scoreCount: number;
  winner: boolean;
}

interface Tally {
  id: string;
  sum: number;
  count: number;
  lowest: number;
}

function compare(a: Tally, b: Tally): number {
  if (!a.count || !b.count) return b.count - a.count || a.id.localeCompare(b.id);
  const byMean = b.sum * a.count - a.sum * b.count;
  return byMean || b.lowest - a.lowest || a.id.localeCompare(b.id);
}

export function rankEntries(
  entries: readonly ScoredEntry[],
  winnerCount: number,
): ContestRankRow[] {
  const tallies: Tally[] = entries.map((e) => ({
    id: e.id,
    sum: e.scores.reduce((s, x) => s + x.score, 0),
    count: e.scores.length,
    lowest: Math.min(...e.scores.map((x) => x.score)),
  }));
  return tallies.sort(compare).map((t, i) => ({
    entryId: t.id,
    rank: i + 1,
    meanScore: t.count ? Math.round((t.sum / t.count) * 100) / 100 : null,
    scoreCount: t.count,
    winner: i < winnerCount && t.count > 0,
  }));
}

/** Why the contest cannot close yet: every juror scores every entry first. Null when it can. */
export function closingProblem(
  jurors: readonly string[],
  entries: readonly ScoredEntry[],
): string | null {
  if (!entries.length) return 'The contest has no entries yet';
  const missing = entries.reduce(
    (n, e) => n + jurors.filter((j) => !e.scores.some((s) => s.juror === j)).length,
    0,
  );
  return missing
    ? `${missing} of ${jurors.length * entries.length} jury scores are still missing; every juror scores every entry before the contest closes`
    : null;
}
