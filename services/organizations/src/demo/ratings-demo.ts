// 运河区's community star ratings for the demo: the scoring template v1 and five quarters of
// published ratings of the 73 communities, ending with 2022-Q2, the quarter the report describes
// (6月上旬自己评, 6月15日前公开讲, 6月20日前实地看, 6月下旬复评 and 授旗).
//
// 2022-Q2 reproduces the report: 21 communities self-assessed five stars, the streets named 14
// (at most ceil(20%) of each street), all 14 passed the inspection and were confirmed, 50 are
// four-star. The report's "12个三星级" would make 76 communities; with 73 rated, 73 - 14 - 50 =
// 9 are three-star. The four earlier quarters are illustrative, shaped so that the consequences
// show: in 2021 six communities are three-star three times (performance deduction) and six
// twice (no 优秀); in 2022 six are three-star twice and the 14 five-star ones are eligible for
// commendation.
//
// Idempotent: ids derive from organization and period, so a second run inserts nothing. Each
// rating is loaded PUBLISHED with its full history and carries one `published` event.
import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { knownPeriod, parsePeriod, shanghaiInstant } from '@jiceng/calendar';
import { DEFAULT_RATING_TEMPLATE } from '../star-rating/default-template';
import {
  FIVE_STAR_QUOTA_MODEL,
  fiveStarQuotaSchema,
  quotaId,
} from '../star-rating/five-star-quota.schema';
import { buildTemplate } from '../star-rating/rating-template.rules';
import {
  RATING_TEMPLATE_MODEL,
  ratingTemplateSchema,
  type RatingTemplate,
} from '../star-rating/rating-template.schema';
import { criterionScores, starsSupportedBy, totalScore } from '../star-rating/scoring';
import {
  INSPECTION_CHECKS,
  isRatedOrganization,
  type Stars,
  type StarRatingStatus,
} from '../star-rating/star-rating.enums';
import { ratingRecord } from '../star-rating/star-rating.events';
import {
  STAR_RATING_MODEL,
  starRatingId,
  starRatingSchema,
  type StarRating,
} from '../star-rating/star-rating.schema';
import type { DemoNode } from './demo-tree';

export const DEMO_PERIODS = ['2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2'] as const;
const REPORTED_PERIOD = '2022-Q2';

// Per street of 运河区, in the demo tree's order (13, 13, 12, 12, 12 and 11 communities).
const FIVE_STAR = [3, 3, 2, 2, 2, 2]; // 14, confirmed after 实地看
const SELF_FIVE_STAR = [4, 4, 4, 3, 3, 3]; // 21 self-assessed five stars
const THREE_STAR = [2, 2, 2, 1, 1, 1]; // 9

export interface Outcome {
  claimed: Stars;
  proposed: Stars;
  stars: Stars;
}

/** The result of community `i` of street `s` (with `n` communities) in a period. */
function demoOutcome(s: number, i: number, n: number, period: string): Outcome {
  const outcome = (claimed: Stars, proposed: Stars = claimed): Outcome => ({
    claimed,
    proposed,
    stars: proposed,
  });
  if (period === REPORTED_PERIOD) {
    if (i < FIVE_STAR[s]) return outcome(5);
    if (i < SELF_FIVE_STAR[s]) return outcome(5, 4);
    if (i >= n - THREE_STAR[s]) return outcome(i === n - 1 ? 4 : 3, 3);
    return outcome(4);
  }
  if (period === '2022-Q1') {
    if (i < 2) return outcome(5);
    if (i === 2) return outcome(5, 4);
    return i === n - 1 || i === n - 3 ? outcome(3) : outcome(4);
  }
  const q = (parsePeriod(period)?.index ?? 2) - 2; // 2021-Q2..Q4 → 0..2
  if (i === 0 || i === 2 + q) return outcome(5);
  if (i === n - 1 || (i === n - 2 && q > 0)) return outcome(3);
  return outcome(4);
}

/** A self-assessed total that supports the claimed stars, varied per community. */
function demoTotal(o: Outcome, i: number): number {
  if (o.claimed === 5) return o.proposed === 5 ? 91 + (i % 8) : 90 + (i % 3);
  if (o.claimed === 4) return 76 + ((i * 7) % 13);
  return 60 + ((i * 5) % 14);
}

export type TemplateCriteria = Pick<
  RatingTemplate,
  'version' | 'aspects' | 'fiveStarMinScore' | 'fourStarMinScore'
>;

/** Full marks less the shortfall, taken a point or two at a time from criteria in a seeded order. */
function demoScores(template: TemplateCriteria, total: number, seed: number) {
  const criteria = template.aspects.flatMap((a) => a.criteria);
  const scores = new Map(criteria.map((c) => [c.code, c.maxScore]));
  let shortfall = 100 - total;
  for (let k = 0; shortfall > 0; k++) {
    const c = criteria[(seed * 5 + k * 7) % criteria.length];
    const cut = Math.min(shortfall, (k + seed) % 2 ? 2 : 1, scores.get(c.code) as number);
    scores.set(c.code, (scores.get(c.code) as number) - cut);
    shortfall -= cut;
  }
  return criterionScores(
    template,
    criteria.map((c) => {
      const score = scores.get(c.code) as number;
      return {
        criterionCode: c.code,
        score,
        evidence:
          score < c.maxScore
            ? `扣${c.maxScore - score}分：${c.deductions[0]?.description ?? c.rule}`
            : `${c.title}：佐证材料齐全`,
      };
    }),
  );
}

/** 10:00 in Shanghai on `day` of the quarter's last month. */
function dayOf(period: string, day: number): Date {
  const month = knownPeriod(period, ['QUARTER']).lastDay.slice(0, 8); // "2023-06-"
  return shanghaiInstant(`${month}${String(day).padStart(2, '0')}`, 10);
}

const step = (
  status: StarRatingStatus,
  at: Date,
  organizationId: Types.ObjectId,
): StarRating['history'][number] => ({
  status,
  at,
  actor: 'demo-seed',
  actorRole: 'ORG_ADMIN',
  actorOrganizationId: organizationId,
});

/**
 * A PUBLISHED rating as the workflow would have left it, steps dated in the quarter's last
 * month; without outbox records (the demo adds one, benchmark data none).
 */
export function publishedRating(
  template: TemplateCriteria,
  community: Pick<DemoNode, '_id' | 'parentId' | 'ancestorIds'>,
  districtId: Types.ObjectId,
  o: Outcome,
  seed: number,
  period: string,
): StarRating {
  const street = community.parentId as Types.ObjectId;
  const scores = demoScores(template, demoTotal(o, seed), seed);
  const total = totalScore(scores);
  if (starsSupportedBy(template, total) < o.claimed)
    throw new Error(`demo total ${total} does not support ${o.claimed} stars`);
  const [selfAt, defenseAt, inspectionAt, reviewAt, publishAt] = [8, 14, 19, 25, 28].map((d) =>
    dayOf(period, d),
  );
  const candidate = o.proposed === 5;
  const history = [
    step('SELF_ASSESSED', selfAt, community._id),
    step('DEFENDED', defenseAt, street),
    ...(candidate ? [step('INSPECTED', inspectionAt, street)] : []),
    step('REVIEWED', reviewAt, districtId),
    step('PUBLISHED', publishAt, districtId),
  ];
  return {
    _id: starRatingId(community._id, period),
    organizationId: community._id,
    streetId: street,
    ancestorIds: community.ancestorIds,
    period,
    year: Number(period.slice(0, 4)),
    templateVersion: template.version,
    status: 'PUBLISHED',
    selfAssessment: { scores, totalScore: total, claimedStars: o.claimed, at: selfAt },
    defense: {
      score: candidate ? 90 + (seed % 8) : 72 + (seed % 15),
      proposedStars: o.proposed,
      at: defenseAt,
    },
    ...(candidate
      ? {
          inspection: {
            findings: INSPECTION_CHECKS.map((check) => ({ check, passed: true, note: '达标' })),
            adjustments: [],
            adjustedScore: total,
            passed: true,
            at: inspectionAt,
          },
        }
      : {}),
    review: { stars: o.stars, at: reviewAt },
    stars: o.stars,
    publishedAt: publishAt,
    history,
    version: history.length,
    createdAt: selfAt,
    updatedAt: publishAt,
    outbox: [],
  };
}

const TEMPLATE_ID = new Types.ObjectId(
  createHash('sha256').update('jiceng-demo:rating-template:v1').digest('hex').slice(0, 24),
);

/** Every demo rating of 运河区's communities, PUBLISHED, each with its `published` event. */
export function demoRatings(template: TemplateCriteria, nodes: DemoNode[]): StarRating[] {
  const district = nodes.find((n) => n.name === '中共沧州市运河区委员会') as DemoNode;
  const streets = nodes.filter(
    (n) =>
      n.parentId?.equals(district._id) &&
      n.kind === 'WORKING_COMMITTEE' &&
      n.sector === 'COMMUNITY',
  );
  const all: StarRating[] = [];
  streets.forEach((street, s) => {
    const communities = nodes.filter(
      (n) => n.parentId?.equals(street._id) && isRatedOrganization(n),
    );
    communities.forEach((community, i) => {
      DEMO_PERIODS.forEach((period, p) => {
        const o = demoOutcome(s, i, communities.length, period);
        const rating = publishedRating(
          template,
          community,
          district._id,
          o,
          s * 13 + i + p,
          period,
        );
        all.push({ ...rating, outbox: [ratingRecord(rating)] });
      });
    });
  });
  return all;
}

/** Loads the template and 运河区's ratings; returns what it inserted. */
export async function loadDemoRatings(connection: Connection, nodes: DemoNode[]) {
  const templates = connection.model(RATING_TEMPLATE_MODEL, ratingTemplateSchema);
  const ratings = connection.model(STAR_RATING_MODEL, starRatingSchema);
  const quotas = connection.model(FIVE_STAR_QUOTA_MODEL, fiveStarQuotaSchema);
  await Promise.all([templates.init(), ratings.init(), quotas.init()]);

  const stored = await templates.findOne({ version: 1 }).lean<RatingTemplate>();
  const template =
    stored ??
    buildTemplate(DEFAULT_RATING_TEMPLATE, {
      _id: TEMPLATE_ID,
      version: 1,
      createdAt: new Date(Date.UTC(2021, 2, 1)),
      createdBy: 'demo-seed',
    });
  if (!stored) await templates.create(template);

  const all = demoRatings(template, nodes);

  const existing = new Set(
    (await ratings.find({ _id: { $in: all.map((r) => r._id) } }, { _id: 1 }).lean()).map((d) =>
      String(d._id),
    ),
  );
  const fresh = all.filter((r) => !existing.has(String(r._id)));
  for (let i = 0; i < fresh.length; i += 500)
    await ratings.insertMany(fresh.slice(i, i + 500), { ordered: true });

  // The streets' named five-star candidates, so the 20% cap counts them.
  const candidates = new Map<
    string,
    { street: Types.ObjectId; period: string; ids: Types.ObjectId[] }
  >();
  for (const r of all.filter((x) => x.defense?.proposedStars === 5)) {
    const key = quotaId(r.streetId, r.period);
    const entry = candidates.get(key) ?? { street: r.streetId, period: r.period, ids: [] };
    entry.ids.push(r._id);
    candidates.set(key, entry);
  }
  await quotas.bulkWrite(
    [...candidates].map(([_id, { street, period, ids }]) => ({
      updateOne: {
        filter: { _id },
        update: {
          $setOnInsert: { streetId: street, period },
          $addToSet: { candidateIds: { $each: ids } },
          $set: { updatedAt: dayOf(period, 14) },
        },
        upsert: true,
      },
    })),
  );

  const reported = all.filter((r) => r.period === REPORTED_PERIOD);
  return {
    template: { version: template.version, inserted: !stored },
    ratings: all.length,
    inserted: fresh.length,
    [REPORTED_PERIOD]: {
      communities: reported.length,
      selfAssessedFiveStar: reported.filter((r) => r.selfAssessment.claimedStars === 5).length,
      fiveStar: reported.filter((r) => r.stars === 5).length,
      fourStar: reported.filter((r) => r.stars === 4).length,
      threeStar: reported.filter((r) => r.stars === 3).length,
    },
  };
}
