// Loads the stations demo into the stations database (MONGO_URL, MONGO_DB), after every subgraph
// is up: 20 stations in 运河区 (沧州) with their riders and couriers and 3,586 visits since May
// 2023 ("3580余人次"), and 14 爱心驿站 in 桃城区 (衡水) with the workers of its mobile branches,
// their visits and the 车轮支部's 10 党员红旗车. Organizations come from this service's own
// projection (the loader waits for it), party members from the members topic. Idempotent: ids
// are deterministic and only missing documents are inserted; visits are counted once each, and
// their events are published before the loader exits.
import mongoose, { type Connection, type Model } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import { publishPendingOutboxes } from '@jiceng/outbox';
import { STATION_MODEL, stationSchema, type Station } from '../station/station.schema';
import { FLAG_VEHICLE_MODEL, flagVehicleSchema } from '../vehicle/vehicle.schema';
import { countVisit, VISIT_COUNTER_MODEL, visitCounterSchema } from '../visit/visit-counter';
import { VISIT_MODEL, visitSchema, type Visit } from '../visit/visit.schema';
import { WORKER_MODEL, workerSchema, type Worker } from '../worker/worker.schema';
import { branchMembers } from './demo-members';
import { DEMO, demoData, type DemoTree } from './demo-data';
import { taochengWorkers, type MobileBranches } from './demo-people';
import { insertMissing } from '@jiceng/demo';

const YUNHE = '中共沧州市运河区委员会';
const MARKET_STREET = '市场街道党工委';
const LIANGXIN = '桃城区委两新工委';
const BRANCHES: Record<keyof MobileBranches, string> = {
  cheLun: '桃城区车轮支部',
  wangShang: '桃城区网上支部',
  linLi: '桃城区邻里小哥支部',
};
const YUNHE_COMMUNITIES = 73;
const PROJECTION_WAIT_MS = Number(process.env.DEMO_PROJECTION_WAIT_MS ?? 120_000);
const MEMBERS_WAIT_MS = Number(process.env.DEMO_MEMBERS_WAIT_MS ?? 60_000);
const COMMUNITY_KINDS = ['PARTY_COMMITTEE', 'GENERAL_BRANCH'];
const COUNTING_LANES = 6;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (from: number) => Math.round((Date.now() - from) / 100) / 10;

/** The operators: 市场街道 (the 党群服务中心) and 19 of 运河区's communities, spread over the list. */
async function readTree(nodes: Model<OrgNode>): Promise<DemoTree | null> {
  const named = async (name: string) => nodes.findOne({ name, status: 'ACTIVE' }).lean<OrgNode>();
  const yunhe = await named(YUNHE);
  const market = await named(MARKET_STREET);
  const liangxin = await named(LIANGXIN);
  const [cheLun, wangShang, linLi] = await Promise.all(Object.values(BRANCHES).map(named));
  if (!yunhe || !market || !liangxin || !cheLun || !wangShang || !linLi) return null;
  const communities = await nodes
    .find({
      ancestorIds: yunhe._id,
      sector: 'COMMUNITY',
      kind: { $in: COMMUNITY_KINDS },
      status: 'ACTIVE',
    })
    .sort({ _id: 1 })
    .lean<OrgNode[]>();
  if (communities.length < YUNHE_COMMUNITIES) return null;
  const picked = DEMO.yunheStations - 1;
  return {
    yunheOperators: [
      market,
      ...Array.from(
        { length: picked },
        (_, i) => communities[Math.floor((i * communities.length) / picked)],
      ),
    ],
    liangxin,
    branches: { cheLun, wangShang, linLi },
  };
}

async function waitForTree(nodes: Model<OrgNode>): Promise<DemoTree> {
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  for (;;) {
    const tree = await readTree(nodes);
    if (tree) return tree;
    if (Date.now() > deadline)
      throw new Error(
        `the organization projection lacks 运河区's communities or 桃城区's mobile branches after ${PROJECTION_WAIT_MS / 1000} s; is the organizations demo loaded and the stations service running?`,
      );
    await sleep(1000);
  }
}

/**
 * The 桃城区 workers: as stored when a run already wrote them all (their member links stay as
 * they were), else generated with the mobile branches' members read from the members topic.
 */
async function taochengPeople(workers: Model<Worker>, tree: DemoTree) {
  const planned = taochengWorkers(tree.branches, () => []);
  const stored = new Map(
    (await workers.find({ _id: { $in: planned.map((w) => w._id) } }).lean<Worker[]>()).map((w) => [
      String(w._id),
      w,
    ]),
  );
  if (stored.size === planned.length)
    return {
      workers: planned.map((w) => stored.get(String(w._id)) as Worker),
      membersRead: 'skipped (every worker stored)',
    };
  const branchIds = Object.values(tree.branches).map((b) => String(b._id));
  const members = await branchMembers(branchIds, MEMBERS_WAIT_MS);
  if (![...members.values()].some((list) => list.length))
    console.error(
      "no members of 桃城区's mobile branches on the members topic (is the members demo loaded?): workers stay unlinked and no flag vehicles are named",
    );
  return {
    workers: taochengWorkers(tree.branches, (branch) => members.get(String(branch._id)) ?? []),
    membersRead: [...members.values()].reduce((n, list) => n + list.length, 0),
  };
}

/**
 * Counts the visits not counted yet, a few stations at a time: counting is idempotent per visit
 * and counter, so the lanes need no coordination.
 */
async function countUncounted(visits: Model<Visit>, counters: Model<any>): Promise<number> {
  const left = await visits
    .find({ counted: false }, { stationId: 1, day: 1, workerKind: 1, services: 1 })
    .lean<Visit[]>();
  const lanes = Array.from({ length: COUNTING_LANES }, () => [] as Visit[]);
  for (const visit of left)
    lanes[parseInt(String(visit.stationId).slice(-6), 16) % COUNTING_LANES].push(visit);
  await Promise.all(
    lanes.map(async (lane) => {
      for (const visit of lane) await countVisit(counters, visit);
    }),
  );
  for (let i = 0; i < left.length; i += 1000)
    await visits.updateMany(
      { _id: { $in: left.slice(i, i + 1000).map((v) => v._id) } },
      { $set: { counted: true } },
    );
  return left.length;
}

async function load(connection: Connection, started: number) {
  const models = {
    stations: connection.model(STATION_MODEL, stationSchema),
    workers: connection.model(WORKER_MODEL, workerSchema),
    visits: connection.model(VISIT_MODEL, visitSchema),
    counters: connection.model(VISIT_COUNTER_MODEL, visitCounterSchema),
    vehicles: connection.model(FLAG_VEHICLE_MODEL, flagVehicleSchema),
  };
  await Promise.all(Object.values(models).map((m) => m.init()));
  const tree = await waitForTree(connection.model(ORG_NODE_MODEL, orgNodeSchema));
  const people = await taochengPeople(models.workers, tree);
  const waited = seconds(started);

  const loadStarted = Date.now();
  const { stations, workers, vehicles, visits } = demoData(tree, people.workers);
  const inserted = {
    stations: (await insertMissing(models.stations, [...stations.yunhe, ...stations.taocheng]))
      .length,
    workers: (await insertMissing(models.workers, [...workers.yunhe, ...workers.taocheng])).length,
    flagVehicles: (await insertMissing(models.vehicles, vehicles)).length,
    visits: (await insertMissing(models.visits, visits)).length,
  };
  const counted = await countUncounted(models.visits, models.counters);
  const loadSeconds = seconds(loadStarted);

  // The figures as stored, whichever run wrote them.
  const ids = (list: Station[]) => list.map((s) => s._id);
  const visitsAt = (list: Station[]) =>
    models.visits.countDocuments({ stationId: { $in: ids(list) } }).exec();
  return {
    stations: {
      stations: { yunhe: stations.yunhe.length, taocheng: stations.taocheng.length },
      workers: await models.workers.countDocuments(),
      workersLinkedToMembers: await models.workers.countDocuments({ memberLink: { $ne: null } }),
      membersRead: people.membersRead,
      flagVehicles: await models.vehicles.countDocuments(),
      visits: {
        yunhe: await visitsAt(stations.yunhe),
        taocheng: await visitsAt(stations.taocheng),
      },
      counters: {
        daily: await models.counters.countDocuments({ unit: 'DAY' }),
        monthly: await models.counters.countDocuments({ unit: 'MONTH' }),
      },
      inserted,
      countedThisRun: counted,
      waitedSeconds: waited,
      loadSeconds,
      totalSeconds: seconds(started),
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_stations' })
    .asPromise();
  try {
    const summary = await load(connection, started);
    const eventsPublished = await publishPendingOutboxes(connection, 'jiceng-stations-demo');
    console.log(JSON.stringify({ ...summary, eventsPublished }));
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`demo stations failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
