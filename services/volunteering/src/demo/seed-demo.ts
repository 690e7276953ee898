// Loads the volunteering demo data for 运河区 into the volunteering database (MONGO_URL, MONGO_DB),
// after every subgraph is up. The communities, units and members come from this service's own
// projections of the organizations and members topics (never from their databases), so the
// loader first waits for the projection to hold 运河区. Idempotent: ids are deterministic and only
// missing documents are inserted, claims before their tasks. Approvals carry their event in the
// claim's outbox and are published before the loader exits, for the credit service. The bonus
// quarter (demo-bonus.ts) adds the service days of 雄安's floating members in 容东's communities,
// from which the credit service gives the 24 firms their 党建信用加分. 卢龙县's 吹哨报到 (seed-whistles.ts)
// adds the 69 whistled problems of 2024, whose events the tally consumer counts for whistleStats.
// 高密's 德邻有约 (seed-service-days.ts) adds its 467 帮帮团 and the monthly service days of its grid
// and compound branches in 2023 H1; the city's communities hold the 1320 service requests.
import mongoose, { type Connection, type Model, type Types } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { publishPendingOutboxes } from '@jiceng/outbox';
import { CLAIM_MODEL, claimSchema } from '../claim/claim.schema';
import {
  MEMBER_NODE_MODEL,
  memberNodeSchema,
  type MemberNode,
} from '../member-projection/member-node.schema';
import { MICRO_WISH_MODEL, microWishSchema } from '../micro-wish/micro-wish.schema';
import { isCommunity } from '../community/community-scope';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import {
  SERVICE_REQUEST_MODEL,
  serviceRequestSchema,
  type ServiceRequest,
} from '../service-request/service-request.schema';
import { summarizeServiceRequests } from '../service-request/service-request-stats';
import { TASK_MODEL, taskSchema } from '../task/task.schema';
import { WORK_CALENDAR_MODEL, workCalendarDaySchema } from '../work-calendar/work-calendar.schema';
import { loadOfficialDays } from '../work-calendar/work-calendar.service';
import {
  demoTaskIds,
  demoVolunteering,
  type DemoCommunity,
  type DemoMember,
} from './demo-volunteering';
import { insertMissing, xionganFirmOfBranch } from '@jiceng/demo';
import {
  bonusTasksAndClaims,
  demoBonusTaskIds,
  DEMO_BONUS_FIRMS,
  type BonusInput,
} from './demo-bonus';
import { demoServiceDays } from './demo-service-days';
import { settled, sleep } from './projection-wait';
import { loadServiceDays, waitForGaomi } from './seed-service-days';
import { loadWhistles, talliedWhistles } from './seed-whistles';

const YUNHE = '中共沧州市运河区委员会';
const UNIT_COMMITTEES = ['运河区直属机关工委', '沧州市直属机关工委'];
const RONGDONG_COMMUNITY = /^容东片区第.+社区党委$/;
const EXPECTED = { communities: 73, units: 80 };
const PROJECTION_WAIT_MS = Number(process.env.DEMO_PROJECTION_WAIT_MS ?? 120_000);

const seconds = (from: number) => Math.round((Date.now() - from) / 100) / 10;

interface Yunhe {
  communities: DemoCommunity[];
  units: Types.ObjectId[];
  /** Every node below a community (grid branches, building groups), mapped to its community. */
  communityOf: Map<string, Types.ObjectId>;
}

async function readYunhe(nodes: Model<OrgNode>): Promise<Yunhe | null> {
  const root = await nodes.findOne({ name: YUNHE, kind: 'PARTY_COMMITTEE' }).lean<OrgNode>();
  if (!root) return null;
  const below = await nodes
    .find({ ancestorIds: root._id }, { name: 1, kind: 1, sector: 1, parentId: 1, ancestorIds: 1 })
    .lean<OrgNode[]>();
  const communities = below
    .filter((n) => isCommunity(n) && n.status !== 'DISSOLVED')
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
    .map((n) => ({ _id: n._id, name: n.name, streetId: n.parentId as Types.ObjectId }));
  const ids = new Set(communities.map((c) => String(c._id)));
  const communityOf = new Map<string, Types.ObjectId>();
  for (const n of below) {
    const community = n.ancestorIds.find((a) => ids.has(String(a)));
    if (community) communityOf.set(String(n._id), community);
  }
  const committees = await nodes
    .find({ name: { $in: UNIT_COMMITTEES } }, { _id: 1 })
    .lean<OrgNode[]>();
  const units = (
    await nodes
      .find({ parentId: { $in: committees.map((c) => c._id) } }, { _id: 1 })
      .sort({ _id: 1 })
      .lean<OrgNode[]>()
  ).map((n) => n._id);
  return { communities, units, communityOf };
}

/** Polls the projection until 运河区's communities and units are there (or the wait is over). */
async function waitForYunhe(nodes: Model<OrgNode>): Promise<Yunhe> {
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  for (;;) {
    const yunhe = await readYunhe(nodes);
    const complete =
      yunhe &&
      yunhe.communities.length >= EXPECTED.communities &&
      yunhe.units.length >= EXPECTED.units;
    if (complete) return yunhe;
    if (Date.now() > deadline) {
      if (yunhe?.communities.length) return yunhe;
      throw new Error(
        `the organization projection has no ${YUNHE} communities after ${PROJECTION_WAIT_MS / 1000} s; is the organizations demo loaded and the volunteering service running?`,
      );
    }
    await sleep(1000);
  }
}

/**
 * 容东's communities, and the floating members of 雄安's project branches by the firm behind
 * their branch (the demo's rule, @jiceng/demo), for the bonus quarter.
 */
async function readBonusInput(
  nodes: Model<OrgNode>,
  members: Model<MemberNode>,
  withMembers: boolean,
): Promise<BonusInput> {
  const communities = (
    await nodes
      .find({ name: RONGDONG_COMMUNITY, kind: 'PARTY_COMMITTEE' }, { name: 1, parentId: 1 })
      .sort({ _id: 1 })
      .lean<OrgNode[]>()
  ).map((n) => ({ _id: n._id, name: n.name, streetId: n.parentId as Types.ObjectId }));
  const floatingByFirm: Types.ObjectId[][] = Array.from({ length: DEMO_BONUS_FIRMS }, () => []);
  if (!withMembers) return { communities, floatingByFirm };
  const firmOf = new Map<string, number>();
  for (const b of await nodes.find({ kind: 'TEMPORARY_BRANCH' }, { name: 1 }).lean<OrgNode[]>()) {
    const firm = xionganFirmOfBranch(b.name);
    if (firm !== null) firmOf.set(String(b._id), firm);
  }
  const query = {
    status: { $ne: 'LEFT' },
    projectBranchId: { $in: [...firmOf.keys()].map((id) => new mongoose.Types.ObjectId(id)) },
  };
  await settled(members, query);
  const floating = await members
    .find(query, { projectBranchId: 1 })
    .sort({ _id: 1 })
    .lean<MemberNode[]>();
  for (const m of floating) floatingByFirm[firmOf.get(String(m.projectBranchId))!].push(m._id);
  return { communities, floatingByFirm };
}

/**
 * Members who serve in 运河区's communities: those reporting to one (双报到) and those whose
 * branch lies in one. Waits until the member projection stops growing, since the members demo
 * may still be arriving; none at all when the members service is not running.
 */
async function settledMembers(model: Model<MemberNode>, yunhe: Yunhe): Promise<DemoMember[]> {
  const communityIds = yunhe.communities.map((c) => c._id);
  const branchIds = [...yunhe.communityOf.keys()].map((id) => new mongoose.Types.ObjectId(id));
  const query = {
    status: { $ne: 'LEFT' },
    $or: [{ communityId: { $in: communityIds } }, { organizationId: { $in: branchIds } }],
  };
  await settled(model, query);
  const members = await model
    .find(query, { communityId: 1, organizationId: 1 })
    .sort({ _id: 1 })
    .lean<MemberNode[]>();
  return members.map((m) => ({
    _id: m._id,
    communityId: m.communityId ?? yunhe.communityOf.get(String(m.organizationId)) ?? null,
  }));
}

async function load(connection: Connection, started: number) {
  const model = <T>(name: string, schema: mongoose.Schema<T>) => connection.model<T>(name, schema);
  const models = {
    tasks: model(TASK_MODEL, taskSchema),
    claims: model(CLAIM_MODEL, claimSchema),
    wishes: model(MICRO_WISH_MODEL, microWishSchema),
    requests: model(SERVICE_REQUEST_MODEL, serviceRequestSchema),
    calendar: model(WORK_CALENDAR_MODEL, workCalendarDaySchema),
  };
  const orgNodes = model(ORG_NODE_MODEL, orgNodeSchema);
  const memberNodes = model(MEMBER_NODE_MODEL, memberNodeSchema);
  const yunhe = await waitForYunhe(orgNodes);
  // Task ids do not depend on the members; a run that finds every task stored has nothing to
  // add and need not wait for the member projection.
  const taskIds = [...demoTaskIds(), ...demoBonusTaskIds()];
  const stored = new Set(
    (await models.tasks.find({ _id: { $in: taskIds } }, { _id: 1 }).lean()).map((t) =>
      String(t._id),
    ),
  );
  const complete = stored.size === taskIds.length;
  const members = complete ? [] : await settledMembers(memberNodes, yunhe);
  const bonusInput = await readBonusInput(orgNodes, memberNodes, !complete);
  const gaomi = await waitForGaomi(orgNodes, memberNodes, PROJECTION_WAIT_MS);
  const waited = seconds(started);

  const loadStarted = Date.now();
  const data = demoVolunteering({
    communities: yunhe.communities,
    units: yunhe.units,
    members,
    requestCommunities: typeof gaomi === 'string' ? [] : gaomi.communities,
  });
  // Before the requests are stored: those reported on a service day come in through it.
  const serviceDays =
    typeof gaomi === 'string' ? null : demoServiceDays(gaomi.communities, data.requests);
  // Without the members service there are no floating members, and no bonus quarter.
  if (!complete && bonusInput.floatingByFirm.some((m) => m.length)) {
    const bonus = bonusTasksAndClaims(bonusInput);
    data.tasks.push(...bonus.tasks);
    data.claims.push(...bonus.claims);
  }
  await loadOfficialDays(models.calendar);
  // A task's claims are written in the run that writes the task, claims first: an interrupted
  // load resumes with the task, and a later run (with more members known) adds nothing to a
  // task already stored, so its slots stay exactly as its holders say.
  const tasks = data.tasks.filter((t) => !stored.has(String(t._id)));
  const fresh = new Set(tasks.map((t) => String(t._id)));
  const claims = data.claims.filter((c) => fresh.has(String(c.taskId)));
  // Claims an interrupted run left for a task it never stored, for claimants no longer chosen.
  await models.claims.deleteMany({
    taskId: { $in: tasks.map((t) => t._id) },
    _id: { $nin: claims.map((c) => c._id) },
  });
  const newClaims = await insertMissing(models.claims, claims);
  const inserted = {
    claims: newClaims.length,
    tasks: (await insertMissing(models.tasks, tasks)).length,
    microWishes: (await insertMissing(models.wishes, data.wishes)).length,
    serviceRequests: (await insertMissing(models.requests, data.requests)).length,
  };
  const serviceDayLoad =
    typeof gaomi === 'string' || !serviceDays
      ? { skipped: gaomi }
      : await loadServiceDays(connection, String(gaomi.cityId), serviceDays);
  const whistles = await loadWhistles(connection, orgNodes, PROJECTION_WAIT_MS);
  const loadSeconds = seconds(loadStarted);

  // The figures as stored, whichever run wrote them.
  const count = (m: Model<any>, filter: object = {}) => m.countDocuments(filter).exec();
  const accepted = await models.requests
    .find({ acceptedAt: { $ne: null } }, { dueAt: 1, closedAt: 1, satisfaction: 1 })
    .lean<ServiceRequest[]>();
  const stats = summarizeServiceRequests(accepted, new Date());
  return {
    volunteering: {
      communities: yunhe.communities.length,
      units: yunhe.units.length,
      membersConsidered: complete ? 'skipped (every task stored)' : members.length,
      floatingMembersConsidered: bonusInput.floatingByFirm.flat().length,
      bonusQuarterTasks: await count(models.tasks, { _id: { $in: demoBonusTaskIds() } }),
      tasks: await count(models.tasks),
      claims: await count(models.claims),
      memberClaims: await count(models.claims, { claimantKind: 'MEMBER' }),
      organizationClaims: await count(models.claims, { claimantKind: 'ORGANIZATION' }),
      approved: await count(models.claims, { state: 'APPROVED' }),
      // Approval events this run queued in the claims' outboxes.
      approvalEventsQueued: newClaims.filter((c) => c.state === 'APPROVED').length,
      microWishes: await count(models.wishes),
      microWishesFulfilled: await count(models.wishes, { state: 'FULFILLED' }),
      serviceRequests: await count(models.requests),
      serviceRequestsAccepted: stats.accepted,
      closedRate: stats.closedRate,
      satisfiedRate: stats.satisfiedRate,
      // 高密's 德邻有约: 帮帮团, service days, and the city's serviceDayStats of the months.
      serviceDays: serviceDayLoad,
      // 卢龙县委's whistleStats of the year as the stored whistles give them.
      whistles: whistles.summary,
      inserted,
      waitedSeconds: waited,
      loadSeconds,
      totalSeconds: seconds(started),
    },
    whistles,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), {
      dbName: process.env.MONGO_DB ?? 'jiceng_volunteering',
    })
    .asPromise();
  try {
    const { whistles, ...summary } = await load(connection, started);
    const eventsPublished = await publishPendingOutboxes(connection, 'jiceng-volunteering-demo');
    // The same figures read back from the tallies, once the service's consumer has counted them.
    const whistleStats =
      whistles.countyId && whistles.figures
        ? await talliedWhistles(connection, whistles.countyId, whistles.figures)
        : undefined;
    console.log(JSON.stringify({ ...summary, eventsPublished, whistleStats }));
  } finally {
    await connection.close();
  }
}

main().catch((error) => {
  console.error(
    `demo volunteering failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
