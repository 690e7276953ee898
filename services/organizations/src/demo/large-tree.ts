// Benchmark data, not demo data: a 100,000-organization tree for measuring the analyst queries.
// `node dist/services/organizations/src/demo/large-tree.js` (MONGO_URL, MONGO_DB, default
// jiceng_organizations_large) inserts 河北省委 → 11 市委 → 176 区县委 → 1,056 街道党工委 →
// 4,752 社区党委/党总支 → 19,008 网格党支部 → 74,996 楼栋党小组, with correct ancestorIds and
// depth, and the communities' PUBLISHED ratings for 2023-Q1..Q4 (5% of them still unrated in
// Q4). No outbox records: nothing here is an event. Idempotent: ids derive from each node's
// position, and only missing documents are inserted, in bulk.
import { createHash } from 'node:crypto';
import mongoose, { mongo, Types, type Model } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { quartersOfYear } from '@jiceng/calendar';
import type { OrganizationKind, OrganizationSector } from '@jiceng/events';
import { ORGANIZATION_MODEL, organizationSchema } from '../organization/organization.schema';
import { DEFAULT_RATING_TEMPLATE } from '../star-rating/default-template';
import { buildTemplate } from '../star-rating/rating-template.rules';
import {
  RATING_TEMPLATE_MODEL,
  ratingTemplateSchema,
  type RatingTemplate,
} from '../star-rating/rating-template.schema';
import { STAR_RATING_MODEL, starRatingSchema } from '../star-rating/star-rating.schema';
import type { DemoNode } from './demo-tree';
import { publishedRating, type Outcome } from './ratings-demo';

const { MongoBulkWriteError } = mongo;
const TARGET = 100_000;
const CITIES: [string, string][] = [
  ['石家庄市', '1301'],
  ['唐山市', '1302'],
  ['秦皇岛市', '1303'],
  ['邯郸市', '1304'],
  ['邢台市', '1305'],
  ['保定市', '1306'],
  ['张家口市', '1307'],
  ['承德市', '1308'],
  ['沧州市', '1309'],
  ['廊坊市', '1310'],
  ['衡水市', '1311'],
];
// 沧州市's real districts and counties; the other cities' are numbered.
const CANGZHOU = ['新华区', '运河区', '沧县', '青县', '东光县', '海兴县', '盐山县', '肃宁县'];
const DISTRICTS_PER_CITY = 16;
const STREETS_PER_DISTRICT = 6;
const GRIDS_PER_COMMUNITY = 4;
const BUILDINGS_PER_GRID = 4;
const PERIODS = quartersOfYear(2023);
const CREATED = new Date(Date.UTC(2023, 0, 1));

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const idFor = (path: string) => new Types.ObjectId(hash(`jiceng-large:${path}`).slice(0, 24));

interface LargeNode extends DemoNode {
  status: 'ACTIVE';
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface Community {
  node: LargeNode;
  districtId: Types.ObjectId;
  street: number;
  index: number;
  siblings: number;
}

function buildTree(): { nodes: LargeNode[]; communities: Community[] } {
  const nodes: LargeNode[] = [];
  const communities: Community[] = [];
  const lastOfGrid: LargeNode[] = [];
  const add = (
    path: string,
    name: string,
    kind: OrganizationKind,
    sector: OrganizationSector,
    regionCode: string,
    parent: LargeNode | null,
  ) => {
    const node: LargeNode = {
      _id: idFor(path),
      name,
      kind,
      sector,
      regionCode,
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      depth: parent ? parent.depth + 1 : 0,
      status: 'ACTIVE',
      version: 1,
      createdAt: CREATED,
      updatedAt: CREATED,
    };
    nodes.push(node);
    return node;
  };
  const province = add('p', '中共河北省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130000', null);
  let streetCount = 0;
  CITIES.forEach(([cityName, prefix], c) => {
    const city = add(
      `c${c}`,
      `中共${cityName}委员会`,
      'PARTY_COMMITTEE',
      'STATE_ORGAN',
      `${prefix}00`,
      province,
    );
    for (let d = 0; d < DISTRICTS_PER_CITY; d++) {
      const region = `${prefix}${String(d + 2).padStart(2, '0')}`;
      const districtName = prefix === '1309' && CANGZHOU[d] ? CANGZHOU[d] : `第${d + 1}区县`;
      const path = `c${c}/d${d}`;
      const district = add(
        path,
        `中共${cityName}${districtName}委员会`,
        'PARTY_COMMITTEE',
        'STATE_ORGAN',
        region,
        city,
      );
      for (let s = 0; s < STREETS_PER_DISTRICT; s++) {
        const street = add(
          `${path}/s${s}`,
          `第${s + 1}街道党工委`,
          'WORKING_COMMITTEE',
          'COMMUNITY',
          region,
          district,
        );
        const siblings = 4 + (streetCount % 2);
        for (let m = 0; m < siblings; m++) {
          const kind = m % 4 === 3 ? 'GENERAL_BRANCH' : 'PARTY_COMMITTEE';
          const community = add(
            `${path}/s${s}/m${m}`,
            `第${m + 1}社区党委`,
            kind,
            'COMMUNITY',
            region,
            street,
          );
          communities.push({
            node: community,
            districtId: district._id,
            street: streetCount,
            index: m,
            siblings,
          });
          for (let g = 0; g < GRIDS_PER_COMMUNITY; g++) {
            const grid = add(
              `${path}/s${s}/m${m}/g${g}`,
              `第${g + 1}网格党支部`,
              'BRANCH',
              'GRID',
              region,
              community,
            );
            for (let b = 0; b < BUILDINGS_PER_GRID; b++) {
              const building = add(
                `${path}/s${s}/m${m}/g${g}/b${b}`,
                `${g * BUILDINGS_PER_GRID + b + 1}号楼党小组`,
                'GROUP',
                'BUILDING',
                region,
                grid,
              );
              if (b === BUILDINGS_PER_GRID - 1) lastOfGrid.push(building);
            }
          }
        }
        streetCount++;
      }
    }
  });
  // Down to exactly TARGET: the last building group of as many grids as needed, from the end.
  const excess = nodes.length - TARGET;
  const dropped = new Set(lastOfGrid.slice(lastOfGrid.length - excess).map((n) => String(n._id)));
  return { nodes: nodes.filter((n) => !dropped.has(String(n._id))), communities };
}

/** One five-star community per street and period (its 20% cap), 15% three-star, 5% unrated in Q4. */
function outcome(community: Community, p: number): Outcome | null {
  const h = parseInt(hash(`${community.node._id}:${p}`).slice(0, 8), 16) % 100;
  if (p === PERIODS.length - 1 && h >= 95) return null;
  if (community.index === (community.street + p) % community.siblings)
    return { claimed: 5, proposed: 5, stars: 5 };
  if (h < 15) return { claimed: 3, proposed: 3, stars: 3 };
  return { claimed: 4, proposed: 4, stars: 4 };
}

/**
 * Inserts in unordered batches; documents already stored collide on _id and are skipped, so a
 * second run inserts nothing. Returns how many it inserted.
 */
async function insertMissing(model: Model<any>, docs: { _id: Types.ObjectId }[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += 5000) {
    const batch = docs.slice(i, i + 5000);
    try {
      await model.collection.insertMany(batch, { ordered: false });
      inserted += batch.length;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const errors = [error.writeErrors].flat();
      if (!errors.every((e) => e.code === 11000)) throw error;
      // Counted from the errors: the local server's insertedCount includes the rejected ones.
      inserted += batch.length - errors.length;
    }
  }
  return inserted;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - start)];
}

async function main(): Promise<void> {
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), {
      dbName: process.env.MONGO_DB ?? 'jiceng_organizations_large',
    })
    .asPromise();
  try {
    const organizations = connection.model(ORGANIZATION_MODEL, organizationSchema);
    const templates = connection.model(RATING_TEMPLATE_MODEL, ratingTemplateSchema);
    const ratings = connection.model(STAR_RATING_MODEL, starRatingSchema);
    await Promise.all([organizations.init(), templates.init(), ratings.init()]);

    const [{ nodes, communities }, buildMs] = await timed(async () => buildTree());
    const [insertedNodes, nodesMs] = await timed(() => insertMissing(organizations, nodes));

    const stored = await templates.findOne({ version: 1 }).lean<RatingTemplate>();
    const template =
      stored ??
      buildTemplate(DEFAULT_RATING_TEMPLATE, {
        _id: idFor('template:v1'),
        version: 1,
        createdAt: CREATED,
        createdBy: 'large-tree',
      });
    if (!stored) await templates.create(template);
    const all = communities.flatMap((c, i) =>
      PERIODS.flatMap((period, p) => {
        const o = outcome(c, p);
        return o ? [publishedRating(template, c.node, c.districtId, o, i + p, period)] : [];
      }),
    );
    const docs = all.map(({ outbox: _outbox, ...rating }) => rating);
    const [insertedRatings, ratingsMs] = await timed(() => insertMissing(ratings, docs));

    const byName = (name: string, depth: number) =>
      String(nodes.find((n) => n.name === name && n.depth === depth)?._id);
    console.log(
      JSON.stringify({
        organizations: { total: nodes.length, inserted: insertedNodes, insertMs: nodesMs, buildMs },
        communities: communities.length,
        ratings: { total: docs.length, inserted: insertedRatings, insertMs: ratingsMs },
        landmarks: {
          province: byName('中共河北省委员会', 0),
          cangzhou: byName('中共沧州市委员会', 1),
          yunhe: byName('中共沧州市运河区委员会', 2),
        },
      }),
    );
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`large tree failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
