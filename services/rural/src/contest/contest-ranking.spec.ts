import { closingProblem, rankEntries } from './contest-ranking';

const entry = (id: string, ...scores: number[]) => ({
  id,
  scores: scores.map((score, i) => ({ juror: `j${i}`, score })),
});

describe('contest ranking', () => {
  it('ranks by the mean of the jury scores and marks the winners', () => {
    const ranking = rankEntries([entry('a', 80, 90), entry('b', 95, 93), entry('c', 70, 72)], 2);
    expect(ranking).toEqual([
      { entryId: 'b', rank: 1, meanScore: 94, scoreCount: 2, winner: true },
      { entryId: 'a', rank: 2, meanScore: 85, scoreCount: 2, winner: true },
      { entryId: 'c', rank: 3, meanScore: 71, scoreCount: 2, winner: false },
    ]);
  });

  it('compares means exactly, then the lowest score, then entry order', () => {
    // 1/3 apart in mean: 85.33… against 85.
    expect(rankEntries([entry('a', 85, 85, 85), entry('b', 86, 85, 85)], 1)[0].entryId).toBe('b');
    // Equal means (85): the steadier entry wins.
    expect(rankEntries([entry('a', 70, 100), entry('b', 84, 86)], 1)[0].entryId).toBe('b');
    // Equal in everything: the earlier entry, whatever the input order.
    expect(rankEntries([entry('b', 90, 80), entry('a', 90, 80)], 1).map((r) => r.entryId)).toEqual([
      'a',
      'b',
    ]);
  });

  it('puts entries without scores last and never makes them winners', () => {
    const ranking = rankEntries([entry('a'), entry('b', 60)], 2);
    expect(ranking.map((r) => [r.entryId, r.meanScore, r.winner])).toEqual([
      ['b', 60, true],
      ['a', null, false],
    ]);
  });

  it('closes only when every juror scored every entry', () => {
    expect(closingProblem(['j0', 'j1'], [])).toMatch(/no entries/);
    expect(closingProblem(['j0', 'j1'], [entry('a', 80, 90), entry('b', 70)])).toMatch(
      /^1 of 4 jury scores are still missing/,
    );
    expect(closingProblem(['j0', 'j1'], [entry('a', 80, 90), entry('b', 70, 75)])).toBeNull();
  });
});
