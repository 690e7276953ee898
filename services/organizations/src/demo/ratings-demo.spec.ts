import { ratingConsequences } from '../star-rating/consequences';
import { Types } from 'mongoose';
import { DEFAULT_RATING_TEMPLATE } from '../star-rating/default-template';
import { buildTemplate } from '../star-rating/rating-template.rules';
import { fiveStarCap } from '../star-rating/star-rating.enums';
import { demoNodes } from './demo-tree';
import { demoRatings } from './ratings-demo';

const template = buildTemplate(DEFAULT_RATING_TEMPLATE, {
  _id: new Types.ObjectId(),
  version: 1,
  createdAt: new Date(),
  createdBy: 'test',
});
const nodes = demoNodes();
const ratings = demoRatings(template, nodes);

describe('运河区 demo ratings', () => {
  it('reproduce the report for 2022-Q2: 21 self-rated five-star, 14 confirmed, 50 four-star', () => {
    const q2 = ratings.filter((r) => r.period === '2022-Q2');
    expect(q2).toHaveLength(73);
    expect(q2.filter((r) => r.selfAssessment.claimedStars === 5)).toHaveLength(21);
    expect(q2.filter((r) => r.defense?.proposedStars === 5)).toHaveLength(14);
    expect(q2.filter((r) => r.inspection?.passed)).toHaveLength(14);
    expect([5, 4, 3].map((s) => q2.filter((r) => r.stars === s).length)).toEqual([14, 50, 9]);
  });

  it('keep every street within its 20% cap in every period', () => {
    const children = (id: unknown) => nodes.filter((n) => n.parentId?.equals(id as never)).length;
    const named = new Map<string, number>();
    for (const r of ratings.filter((x) => x.defense?.proposedStars === 5)) {
      const key = `${r.streetId}:${r.period}`;
      named.set(key, (named.get(key) ?? 0) + 1);
    }
    for (const [key, count] of named) {
      expect(count).toBeLessThanOrEqual(
        fiveStarCap(children(ratings.find((r) => `${r.streetId}:${r.period}` === key)!.streetId)),
      );
    }
  });

  it('show each consequence for some communities', () => {
    const byOrg = new Map<string, { period: string; stars: number }[]>();
    for (const r of ratings)
      byOrg.set(String(r.organizationId), [
        ...(byOrg.get(String(r.organizationId)) ?? []),
        { period: r.period, stars: r.stars as number },
      ]);
    const tally = (year: number) => {
      const all = [...byOrg.values()].map((rs) => ratingConsequences(year, rs));
      return {
        eligible: all.filter((c) => c.eligibleForCommendation).length,
        barred: all.filter((c) => c.excellentBarred).length,
        deduction: all.filter((c) => c.performanceDeduction).length,
      };
    };
    expect(tally(2021)).toEqual({ eligible: 24, barred: 12, deduction: 6 });
    expect(tally(2022)).toEqual({ eligible: 14, barred: 6, deduction: 0 });
  });

  it('load each rating PUBLISHED with its history and one published event', () => {
    expect(ratings).toHaveLength(73 * 5);
    for (const r of ratings) {
      expect(r.status).toBe('PUBLISHED');
      expect(r.history.map((h) => h.status)).toEqual(
        r.defense?.proposedStars === 5
          ? ['SELF_ASSESSED', 'DEFENDED', 'INSPECTED', 'REVIEWED', 'PUBLISHED']
          : ['SELF_ASSESSED', 'DEFENDED', 'REVIEWED', 'PUBLISHED'],
      );
      expect(r.version).toBe(r.history.length);
      expect(r.outbox).toHaveLength(1);
    }
    expect(new Set(ratings.map((r) => String(r._id))).size).toBe(ratings.length);
  });
});
