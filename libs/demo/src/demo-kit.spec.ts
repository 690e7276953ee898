import { between, demoIds, rng, weighted, weightedIndex } from './demo-kit';

describe('demo kit', () => {
  it('gives the same id for the same path, and other ids to other services', () => {
    const stations = demoIds('stations');
    expect(String(stations('station/1'))).toBe(String(stations('station/1')));
    expect(String(stations('station/1'))).not.toBe(String(demoIds('rural')('station/1')));
  });

  it('draws the same numbers for the same label, within their bounds', () => {
    const a = rng('visits');
    const b = rng('visits');
    const draws = Array.from({ length: 200 }, () => between(a, 3, 7));
    expect(Array.from({ length: 200 }, () => between(b, 3, 7))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it('draws by weight, never a zero weight', () => {
    const random = rng('weights');
    const keys = Array.from({ length: 500 }, () => weighted(random, { A: 3, B: 1, C: 0 }));
    expect(keys).not.toContain('C');
    expect(keys.filter((k) => k === 'A').length).toBeGreaterThan(300);
    const indexes = Array.from({ length: 100 }, () => weightedIndex(random, [0, 1, 0]));
    expect(new Set(indexes)).toEqual(new Set([1]));
  });
});
