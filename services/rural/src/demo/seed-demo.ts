// Loads the rural demo data into the rural database (MONGO_URL, MONGO_DB) after every subgraph is
// up. The villages, streets and communities come from this service's own projection of the
// organizations topic (never from the organizations database), so the loader first waits for
// the projection to hold them. Idempotent: ids are deterministic and only missing documents are
// inserted. Prints one JSON summary line last.
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import {
  COMMITMENT_SHEET_MODEL,
  commitmentSheetSchema,
} from '../commitment-sheet/commitment-sheet.schema';
import { CONTEST_MODEL, contestSchema, type Contest } from '../contest/contest.schema';
import {
  FUND_APPLICATION_MODEL,
  FUND_MODEL,
  fundApplicationSchema,
  fundSchema,
  type Fund,
} from '../fund/fund.schema';
import { RURAL_PAIRING_MODEL, ruralPairingSchema } from '../pairing/pairing.schema';
import { fundingSums } from '../project/funding-totals';
import {
  RURAL_PROJECT_MODEL,
  ruralProjectSchema,
  type RuralProject,
} from '../project/project.schema';
import {
  SECRETARY_PROJECT_MODEL,
  secretaryProjectSchema,
} from '../secretary-project/secretary-project.schema';
import { type DemoInput, type DemoOrg } from './demo-kit';
import { INCOME_THRESHOLD_FEN, PAIRING_PROGRAM } from './demo-projects';
import { demoRural } from './demo-rural';
import { chineseNumeral, insertMissing } from '@jiceng/demo';

const PROJECTION_WAIT_MS = Number(process.env.DEMO_PROJECTION_WAIT_MS ?? 120_000);
const COUNTIES = ['安新县委', '容城县委', '雄县县委'];
const VILLAGES_PER_COUNTY = 36;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (from: number) => Math.round((Date.now() - from) / 100) / 10;
const byId = (a: OrgNode, b: OrgNode) => String(a._id).localeCompare(String(b._id));
const org = (n: OrgNode): DemoOrg => ({ _id: n._id, name: n.name, regionCode: n.regionCode });

/** The demo's organizations as the projection holds them; null until all are there. */
async function readTree(nodes: Model<OrgNode>): Promise<DemoInput | null> {
  const one = (name: string) => nodes.findOne({ name }).lean<OrgNode>();
  const children = (parentId: Types.ObjectId) =>
    nodes.find({ parentId, status: 'ACTIVE' }).lean<OrgNode[]>();
  /** The children named by `names`, in that order; null while one is missing. */
  const named = async (parent: { _id: Types.ObjectId } | null, names: string[]) => {
    if (!parent) return null;
    const found = new Map((await children(parent._id)).map((n) => [n.name, n]));
    const list = names.map((name) => found.get(name));
    return list.every(Boolean) ? (list as OrgNode[]).map(org) : null;
  };
  const [xiongan, shouguang, linghe, yunhe] = await Promise.all(
    [
      '中共河北雄安新区工作委员会',
      '中共寿光市委员会',
      '中共锦州市凌河区委员会',
      '中共沧州市运河区委员会',
    ].map(one),
  );
  if (!xiongan || !yunhe) return null;
  const counties = await named(xiongan, COUNTIES);
  if (!counties) return null;
  const xionganVillages = await Promise.all(
    counties.map((county) =>
      named(
        county,
        Array.from(
          { length: VILLAGES_PER_COUNTY },
          (_, v) => `${county.name.replace('县委', '')}第${chineseNumeral(v + 1)}村党支部`,
        ),
      ),
    ),
  );
  const weifangVillages = await named(
    shouguang,
    Array.from({ length: 8 }, (_, v) => `寿光第${chineseNumeral(v + 1)}村党支部`),
  );
  const lingheStreets = await named(
    linghe,
    Array.from({ length: 6 }, (_, s) => `凌河区第${chineseNumeral(s + 1)}街道党工委`),
  );
  const yunheStreets = (await children(yunhe._id))
    .filter((n) => n.kind === 'WORKING_COMMITTEE' && n.sector === 'COMMUNITY')
    .sort(byId);
  const yunheCommunities = await Promise.all(
    yunheStreets.map(async (street) => (await children(street._id)).sort(byId).map(org)),
  );
  const complete =
    xionganVillages.every(Boolean) &&
    weifangVillages &&
    lingheStreets &&
    yunheStreets.length === 6 &&
    yunheCommunities.every((c) => c.length >= 5);
  if (!complete) return null;
  return {
    xiongan: org(xiongan),
    xionganVillages: xionganVillages as DemoOrg[][],
    weifangVillages: weifangVillages!,
    lingheStreets: lingheStreets!,
    yunhe: org(yunhe),
    yunheCommunities,
  };
}

async function waitForTree(nodes: Model<OrgNode>): Promise<DemoInput> {
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  for (;;) {
    const tree = await readTree(nodes);
    if (tree) return tree;
    if (Date.now() > deadline)
      throw new Error(
        `the organization projection lacks the demo's 雄安 villages, 寿光 villages, 凌河区 streets or 运河区 communities after ${PROJECTION_WAIT_MS / 1000} s; is the organizations demo loaded and the rural service running?`,
      );
    await sleep(1000);
  }
}

async function load(connection: Connection, started: number) {
  const model = <T>(name: string, schema: mongoose.Schema<T>) => connection.model<T>(name, schema);
  const models = {
    pairings: model(RURAL_PAIRING_MODEL, ruralPairingSchema),
    projects: model(RURAL_PROJECT_MODEL, ruralProjectSchema),
    secretaryProjects: model(SECRETARY_PROJECT_MODEL, secretaryProjectSchema),
    commitmentSheets: model(COMMITMENT_SHEET_MODEL, commitmentSheetSchema),
    contests: model(CONTEST_MODEL, contestSchema),
    funds: model(FUND_MODEL, fundSchema),
    fundApplications: model(FUND_APPLICATION_MODEL, fundApplicationSchema),
  };
  await Promise.all(Object.values(models).map((m) => m.init()));
  const tree = await waitForTree(model(ORG_NODE_MODEL, orgNodeSchema));
  const waited = seconds(started);
  const data = demoRural(tree);
  const inserted = Object.fromEntries(
    await Promise.all(
      (Object.keys(models) as (keyof typeof models)[]).map(
        async (key) =>
          [
            key,
            (await insertMissing(models[key], data[key] as { _id: unknown }[])).length,
          ] as const,
      ),
    ),
  );

  // The figures as stored, whichever run wrote them.
  const projects = await models.projects
    .find({}, { pairingId: 1, areaMu: 1, fundings: 1, incomes: 1 })
    .lean<RuralProject[]>();
  const paired = projects.filter((p) => p.pairingId);
  const money = fundingSums(projects.flatMap((p) => p.fundings));
  const income2023 = new Map<string, number>();
  for (const income of projects.flatMap((p) => p.incomes).filter((i) => i.year === 2023))
    income2023.set(
      String(income.villageId),
      (income2023.get(String(income.villageId)) ?? 0) + income.amountFen,
    );
  const [fund] = await models.funds.find({}).lean<Fund[]>();
  const contest = await models.contests.findOne({ status: 'CLOSED' }).lean<Contest>();
  const count = (m: Model<any>, filter: object = {}) => m.countDocuments(filter).exec();
  return {
    rural: {
      pairings: await count(models.pairings, { program: PAIRING_PROGRAM }),
      pairingInvestmentFen: fundingSums(paired.flatMap((p) => p.fundings)).investmentFen,
      pairingAreaMu: paired.reduce((s, p) => s + p.areaMu, 0),
      projects: projects.length,
      investmentFen: money.investmentFen,
      subsidyFen: money.subsidyFen,
      villagesWithIncomeOver50Wan2023: [...income2023.values()].filter(
        (f) => f >= INCOME_THRESHOLD_FEN,
      ).length,
      secretaryProjects: await count(models.secretaryProjects),
      secretaryProjectsAccepted: await count(models.secretaryProjects, { state: 'ACCEPTED' }),
      commitmentSheets: await count(models.commitmentSheets),
      contests: await count(models.contests),
      contestWinners: contest?.ranking
        .filter((r) => r.winner)
        .map((r) => contest.entries.find((e) => e._id.equals(r.entryId))?.title),
      fundBudgetFen: fund?.budgetFen,
      fundRemainingFen: fund?.remainingFen,
      fundApplications: await count(models.fundApplications),
      fundAllocated: fund?.allocations.length,
      inserted,
      waitedSeconds: waited,
      totalSeconds: seconds(started),
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: process.env.MONGO_DB ?? 'jiceng_rural' })
    .asPromise();
  try {
    console.log(JSON.stringify(await load(connection, started)));
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(`demo rural failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
