// Rankings and letter selection, as pure functions over (account id, points) pairs.

export interface Standing {
  id: string;
  points: number;
}

export interface RankedStanding extends Standing {
  /** Competition ranking (1, 2, 2, 4): equal points share a rank. */
  rank: number;
}

/** Highest points first; equal points share a rank and are listed by id, so a ranking is stable. */
export function rank(standings: readonly Standing[]): RankedStanding[] {
  const sorted = [...standings].sort(
    (a, b) => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let previous: RankedStanding | undefined;
  return sorted.map((s, i) => {
    const ranked = { ...s, rank: previous && previous.points === s.points ? previous.rank : i + 1 };
    previous = ranked;
    return ranked;
  });
}

export type LetterKind = 'THANK_YOU' | 'REMINDER';

export interface LetterPick extends RankedStanding {
  kind: LetterKind;
}

/**
 * Thank-you letters (感谢信) for the top `top` ranks, counted in places: everyone sharing the
 * last thanked rank is thanked too. Reminder letters (提醒函) for the bottom `bottom` places
 * among the rest; an account tied with a thanked one is never reminded, and nobody with points
 * above the bottom-most is reminded just to fill the count when ties would split.
 */
export function pickLetters(
  ranking: readonly RankedStanding[],
  top: number,
  bottom: number,
): LetterPick[] {
  if (!ranking.length) return [];
  const thanked = top > 0 ? ranking.filter((s) => s.rank <= top && s.points > 0) : [];
  const lowestThankedRank = thanked.length ? thanked[thanked.length - 1].rank : 0;
  const rest = ranking.filter((s) => s.rank > lowestThankedRank);
  const reminded: RankedStanding[] = [];
  if (bottom > 0 && rest.length) {
    // Whole rank groups from the bottom up, while they fit within `bottom` places; the
    // bottom-most group is always reminded, however large.
    const groups = new Map<number, RankedStanding[]>();
    for (const s of rest) groups.set(s.rank, [...(groups.get(s.rank) ?? []), s]);
    const fromBottom = [...groups.values()].reverse();
    for (const group of fromBottom) {
      if (reminded.length && reminded.length + group.length > bottom) break;
      reminded.push(...group);
      if (reminded.length >= bottom) break;
    }
  }
  return [
    ...thanked.map((s) => ({ ...s, kind: 'THANK_YOU' as const })),
    ...reminded
      .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
      .map((s) => ({ ...s, kind: 'REMINDER' as const })),
  ];
}
