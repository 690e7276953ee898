import { pickLetters, rank } from './ranking';

const s = (id: string, points: number) => ({ id, points });

describe('rankings', () => {
  it('ranks by points with shared ranks for ties, stable by id', () => {
    expect(rank([s('c', 5), s('a', 10), s('b', 5), s('d', 0)])).toEqual([
      { id: 'a', points: 10, rank: 1 },
      { id: 'b', points: 5, rank: 2 },
      { id: 'c', points: 5, rank: 2 },
      { id: 'd', points: 0, rank: 4 },
    ]);
    expect(rank([])).toEqual([]);
  });
});

describe('letters', () => {
  const ranking = rank([
    s('a', 50),
    s('b', 40),
    s('c', 40),
    s('d', 30),
    s('e', 20),
    s('f', 10),
    s('g', 0),
    s('h', 0),
  ]);
  const kinds = (picks: ReturnType<typeof pickLetters>) =>
    picks.map((p) => `${p.kind === 'THANK_YOU' ? '+' : '-'}${p.id}`);

  it('thanks the top places (ties included) and reminds the bottom ones', () => {
    expect(kinds(pickLetters(ranking, 2, 2))).toEqual(['+a', '+b', '+c', '-g', '-h']);
    expect(kinds(pickLetters(ranking, 1, 3))).toEqual(['+a', '-f', '-g', '-h']);
  });

  it('reminds a whole bottom tie group even beyond the count, but no group that would split', () => {
    expect(kinds(pickLetters(ranking, 1, 1))).toEqual(['+a', '-g', '-h']);
    expect(kinds(pickLetters(ranking, 0, 2))).toEqual(['-g', '-h']);
  });

  it('never thanks accounts without points, nor reminds a thanked one', () => {
    const flat = rank([s('a', 0), s('b', 0)]);
    expect(kinds(pickLetters(flat, 3, 3))).toEqual(['-a', '-b']);
    const small = rank([s('a', 10), s('b', 5)]);
    expect(kinds(pickLetters(small, 5, 5))).toEqual(['+a', '+b']);
    expect(pickLetters([], 3, 3)).toEqual([]);
  });
});
