import { cappedTotal, grantFor } from './caps';

/** Applies requests in order and returns the grants and the month's granted total. */
function apply(cap: number | null, requests: number[]) {
  let requested = 0;
  const grants = requests.map((r) => {
    const g = grantFor(cap, requested, r);
    requested += r;
    return g;
  });
  return { grants, total: grants.reduce((a, b) => a + b, 0) };
}

const permutations = <T>(items: T[]): T[][] =>
  items.length <= 1
    ? [items]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

describe('monthly caps', () => {
  it('grants in full below the cap, partly at the cap and nothing beyond it', () => {
    expect(apply(100, [60, 30, 30, 20]).grants).toEqual([60, 30, 10, 0]);
  });

  it('gives room back when a reversal frees it', () => {
    // 80 + 50 requested against 100: 80 and 20 granted; reversing the 80 leaves 50 granted.
    const { grants, total } = apply(100, [80, 50, -80]);
    expect(grants).toEqual([80, 20, -50]);
    expect(total).toBe(50);
  });

  it('reaches the same total in every order of arrival, reversals included', () => {
    const requests = [80, 50, -80, 30, 45];
    const expected = cappedTotal(
      100,
      requests.reduce((a, b) => a + b, 0),
    );
    for (const order of permutations(requests)) {
      // A reversal never precedes what it reverses within one claim, but across partitions any
      // interleaving of the other requests is possible.
      if (order.indexOf(-80) < order.indexOf(80)) continue;
      expect(apply(100, order).total).toBe(expected);
    }
  });

  it('grants everything without a cap', () => {
    expect(apply(null, [500, 700, -200]).total).toBe(1000);
  });
});
