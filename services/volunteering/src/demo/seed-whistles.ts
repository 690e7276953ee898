// The 卢龙县 吹哨报到 part of the volunteering demo loader (seed-demo.ts): finds the county's
// villages and departments in this service's organization projection, inserts the planned
// whistles (demo-whistles.ts) that are missing, each with the outbox records of its steps, and
// reports the county's figures of the year. The records are published with the loader's other
// outboxes; the running service's WhistleTallyConsumer turns them into the tallies
// whistleStats reads, exactly as for whistles written through the API (nothing here writes a
// tally). Idempotent: the ids are fixed, and a stored whistle is never written again, so its
// events are queued once.
import { isDeepStrictEqual } from 'node:util';
import type { Connection, Model } from 'mongoose';
import { monthsOf, periodEnd, periodStart } from '@jiceng/calendar';
import { insertMissing } from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import { sleep } from './projection-wait';
import { WHISTLE_CATEGORY_LABELS } from '../whistle/whistle.enums';
import {
  WHISTLE_MODEL,
  WHISTLE_PROJECTION,
  WHISTLE_TALLY_MODEL,
  whistleSchema,
  whistleTallySchema,
  type Whistle,
} from '../whistle/whistle.schema';
import { sumTallies, type WhistleStats, type WhistleTally } from '../whistle/whistle-tally';
import {
  DEMO_WHISTLE_YEAR,
  demoWhistleFigures,
  demoWhistles,
  lulongWhistleInput,
  lulongWhistleNames,
  type DemoWhistleInput,
} from './demo-whistles';

const TALLY_WAIT_MS = Number(process.env.DEMO_WHISTLE_TALLY_WAIT_MS ?? 60_000);

/** The named 卢龙县 nodes and their ancestors, as the demo's input, or what is missing. */
async function readLulong(nodes: Model<OrgNode>): Promise<DemoWhistleInput | string> {
  const projection = { name: 1, kind: 1, sector: 1, regionCode: 1, status: 1, ancestorIds: 1 };
  const named = await nodes
    .find({ name: { $in: lulongWhistleNames() } }, projection)
    .lean<OrgNode[]>();
  const known = new Set(named.map((n) => String(n._id)));
  const above = [
    ...new Set(named.flatMap((n) => n.ancestorIds.map(String)).filter((id) => !known.has(id))),
  ];
  const ancestors = above.length
    ? await nodes.find({ _id: { $in: above } }, projection).lean<OrgNode[]>()
    : [];
  return lulongWhistleInput([...named, ...ancestors]);
}

/** Polls the projection until 卢龙县's villages and departments are all there, or gives the reason. */
async function waitForLulong(
  nodes: Model<OrgNode>,
  waitMs: number,
): Promise<DemoWhistleInput | string> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const input = await readLulong(nodes);
    if (typeof input !== 'string' || Date.now() > deadline) return input;
    await sleep(1000);
  }
}

const figuresOf = (stats: WhistleStats) => ({
  whistled: stats.whistled,
  byCategory: Object.fromEntries(
    stats.byCategory.map((c) => [WHISTLE_CATEGORY_LABELS[c.category], c.whistled]),
  ),
  resolvedByTownships: stats.resolved,
  reports: stats.reports,
  answered: stats.answered,
  answeredOnTime: stats.onTime,
  onTimeRate: stats.onTimeRate,
  evaluated: stats.evaluated,
  satisfied: stats.satisfied,
  satisfiedRate: stats.satisfiedRate,
});

type WhistleFigures = ReturnType<typeof figuresOf>;

export interface WhistleLoad {
  /** 卢龙县委's id, for the tallies; null when the demo was skipped. */
  countyId: string | null;
  /** The figures the stored whistles give, which the tallies should reach. */
  figures: WhistleFigures | null;
  summary: Record<string, unknown>;
}

/**
 * Inserts the missing demo whistles and returns the county's figures of the year as the stored
 * whistles give them (the tally consumer's increments, summed): what whistleStats will answer
 * once the published events are consumed. Skipped, with the reason, when the organizations demo
 * has not put 卢龙县 in the projection by the end of the wait.
 */
export async function loadWhistles(
  connection: Connection,
  nodes: Model<OrgNode>,
  waitMs: number,
): Promise<WhistleLoad> {
  const input = await waitForLulong(nodes, waitMs);
  if (typeof input === 'string')
    return {
      countyId: null,
      figures: null,
      summary: { skipped: `卢龙县 not in the projection: ${input}` },
    };
  const whistles = connection.model<Whistle>(WHISTLE_MODEL, whistleSchema);
  // The model builds its indexes as it is compiled; writing meanwhile trips the Mongo-wire server.
  await whistles.init();
  const inserted = await insertMissing(whistles, demoWhistles(input));
  const stored = await whistles
    .find(
      {
        countyId: input.countyId,
        raisedAt: { $gte: periodStart(DEMO_WHISTLE_YEAR), $lt: periodEnd(DEMO_WHISTLE_YEAR) },
      },
      WHISTLE_PROJECTION,
    )
    .lean<Whistle[]>();
  const figures = figuresOf(demoWhistleFigures(stored));
  return {
    countyId: String(input.countyId),
    figures,
    summary: {
      period: DEMO_WHISTLE_YEAR,
      inserted: inserted.length,
      // Step events this run queued in the whistles' outboxes.
      eventsQueued: inserted.reduce((n, w) => n + w.outbox.length, 0),
      ...figures,
    },
  };
}

/**
 * whistleStats' figures of the county's year as the tallies hold them (the query's own read:
 * the months' tallies by `_id`), once the tally consumer has caught up with the stored whistles'
 * figures; what it has counted so far when the wait is over (the service may not be running).
 */
export async function talliedWhistles(
  connection: Connection,
  countyId: string,
  expected: WhistleFigures,
): Promise<Record<string, unknown>> {
  const tallies = connection.model<WhistleTally>(WHISTLE_TALLY_MODEL, whistleTallySchema);
  const ids = monthsOf(DEMO_WHISTLE_YEAR).map((month) => `${countyId}|${month}`);
  const deadline = Date.now() + TALLY_WAIT_MS;
  for (;;) {
    const tallied = figuresOf(
      sumTallies(await tallies.find({ _id: { $in: ids } }, { applied: 0 }).lean<WhistleTally[]>()),
    );
    if (isDeepStrictEqual(tallied, expected)) return { matchesStored: true, ...tallied };
    if (Date.now() > deadline)
      return {
        matchesStored: false,
        pending: `the tally consumer has not caught up after ${TALLY_WAIT_MS / 1000} s`,
        ...tallied,
      };
    await sleep(2000);
  }
}
