import { randomBytes, randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { Topics } from '@jiceng/events';
import { createKafka, EventProducer } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  type AppProcess,
  createOrgTree,
  dataOf,
  gql,
  probeTopic,
  startApp,
  tokenFor,
  type TopicProbe,
  waitFor,
  waitForOrgProjection,
  YUNHE_SAMPLE,
  dropDatabases,
} from '@jiceng/testing';
import { idNumberCheckCharacter } from '../src/personal-data/id-number';
import { contributionDelta, memberContribution } from '../src/read-model/contribution';

// The analyst read model over the real servers: a shuffled stream of member changes (with
// duplicated events on the lifecycle topic, an organization move and two simulated crashes)
// must leave the per-organization counters and rosters equal to a full recount of the members.

const idNumber = (birth: string, seq: number) => {
  const first17 = `130903${birth}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};
// A deterministic shuffle, so a failure can be replayed.
function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('members read model', () => {
  const run = randomBytes(4).toString('hex');
  const orgDbName = `jiceng_organizations_e2e_rm${run}`;
  const dbName = `jiceng_members_e2e_rm${run}`;
  let organizations: AppProcess;
  let members: AppProcess;
  let gateway: AppProcess;
  let probe: TopicProbe;
  let db: Connection;
  let org: Record<string, string> = {};
  const admin = tokenFor('ADMIN');
  const q = (query: string, variables?: object) => gql(gateway.baseUrl, admin, query, variables);

  beforeAll(async () => {
    probe = await probeTopic(createKafka('jiceng-test-rm-probe'), Topics.membersLifecycle);
    organizations = await startApp('services/organizations', { MONGO_DB: orgDbName });
    members = await startApp('services/members', {
      MONGO_DB: dbName,
      ORG_PROJECTION_GROUP: `jiceng-members-e2e-rm-${run}`,
    });
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: organizations.url,
      SUBGRAPH_URL_MEMBERS: members.url,
    });
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    org = await createOrgTree(gateway.baseUrl, admin, [
      ...YUNHE_SAMPLE,
      {
        key: 'site',
        parent: 'province',
        name: '雄安1标段临时党支部',
        kind: 'TEMPORARY_BRANCH',
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: '130632',
      },
    ]);
    await waitForOrgProjection(db, Object.values(org));
  }, 300_000);

  afterAll(async () => {
    await Promise.all([gateway?.stop(), members?.stop(), organizations?.stop(), probe?.stop()]);
    await db?.dropDatabase();
    await db?.close();
    await dropDatabases(orgDbName);
  });

  /** Counters and rosters recomputed from every member document, as the projector defines them. */
  async function recount() {
    const all = await db.collection('members').find({}).toArray();
    const counters = new Map<string, Record<string, number>>();
    const rosters = new Map<string, string[]>();
    for (const m of all) {
      const delta = contributionDelta([], memberContribution(m as any));
      for (const [doc, fields] of delta.counters) {
        const into = counters.get(doc) ?? {};
        for (const [f, n] of Object.entries(fields)) into[f] = (into[f] ?? 0) + n;
        counters.set(doc, into);
      }
      for (const roster of delta.rosters.keys())
        rosters.set(roster, [...(rosters.get(roster) ?? []), String(m._id)].sort());
    }
    return { counters, rosters, members: all };
  }

  /** The stored counters as `field → n` per doc (zeros dropped), and the rosters as sorted ids. */
  async function stored() {
    const flat = (doc: Record<string, any>) => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(doc)) {
        if (k === '_id' || k === 'tokens') continue;
        if (typeof v === 'number') out[k] = v;
        else for (const [sub, n] of Object.entries(v as object)) out[`${k}.${sub}`] = n as number;
      }
      return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
    };
    const docs = await db.collection<{ _id: string }>('member_counters').find({}).toArray();
    const counters = new Map(
      docs.map((d) => [d._id, flat(d)] as const).filter(([, f]) => Object.keys(f).length > 0),
    );
    const rosterDocs = await db
      .collection<{ _id: string; ids: unknown[] }>('member_rosters')
      .find({})
      .toArray();
    const rosters = new Map(
      rosterDocs.filter((r) => r.ids.length).map((r) => [r._id, r.ids.map(String).sort()] as const),
    );
    const leftovers = docs.filter((d) => (d as any).tokens?.length).length;
    const pending = await db
      .collection('member_contributions')
      .countDocuments({ pending: { $exists: true } });
    return { counters, rosters, leftovers, pending };
  }

  const sorted = (m: Map<string, unknown>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

  async function expectRecount() {
    const expected = await recount();
    // A contribution is marked done before its tokens are pulled from the counters (the
    // projector's step 4), so both settle, in that order: wait for both.
    await waitFor(async () => {
      const now = await stored();
      return now.pending === 0 && now.leftovers === 0 ? true : undefined;
    }, 60_000);
    const actual = await stored();
    expect(sorted(actual.counters)).toEqual(sorted(expected.counters));
    expect(sorted(actual.rosters)).toEqual(sorted(expected.rosters));
    expect(actual.leftovers).toBe(0);
    return expected;
  }

  it('keeps counters equal to a full recount through a shuffled stream with duplicates and a move', async () => {
    const branches = [org.gridA, org.gridB, org.unit];
    // Birth dates around today's band boundaries (31, 46, 61 years back) and elsewhere.
    const year = new Date().getUTCFullYear();
    const births = [31, 46, 61, 25, 50, 70].flatMap((age) =>
      ['0101', '0630', '1231'].map((md) => `${year - age}${md}`),
    );
    const registered: { id: string; status: string }[] = [];
    for (const [i, birth] of births.entries()) {
      const status = i % 3 === 0 ? 'PROBATIONARY' : 'FULL';
      const res = dataOf(
        await q('mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }', {
          input: {
            organizationId: branches[i % branches.length],
            name: `读模型党员${i}`,
            idNumber: idNumber(birth, 100 + i),
            status,
            statusSince: '2020-01-01T00:00:00Z',
          },
        }),
      );
      registered.push({ id: res.registerMember.id, status });
    }
    const at = new Date().toISOString();
    const changes: (() => Promise<unknown>)[] = registered.flatMap((m, i) => {
      const steps: (() => Promise<unknown>)[] = [];
      if (i % 4 === 0)
        steps.push(() =>
          q(
            `mutation { leaveParty(input: { memberId: "${m.id}", at: "${at}", reason: "退党" }) { id } }`,
          ),
        );
      else if (i % 4 === 1)
        steps.push(() =>
          q(
            `mutation { assignFloating(input: { memberId: "${m.id}", projectBranchId: "${org.site}", from: "${at}" }) { id } }`,
          ),
        );
      else if (m.status === 'FULL')
        steps.push(() =>
          q(
            `mutation { advanceMemberStatus(input: { memberId: "${m.id}", to: PROBATIONARY, at: "${at}", reason: "更正" }) { id } }`,
          ),
        );
      if (i % 5 === 0)
        steps.push(() =>
          q(
            `mutation { requestTransfer(input: { memberId: "${m.id}", toOrganizationId: "${org.gridB}", reason: "迁居" }) { id } }`,
          ),
        );
      return steps;
    });
    changes.push(() =>
      q(
        `mutation { moveOrganization(input: { id: "${org.communityA}", newParentId: "${org.streetB}" }) { id } }`,
      ),
    );
    // Shuffled, in concurrent pairs; some fail by the rules (a transfer after leaving): fine.
    const order = shuffled(changes);
    for (let i = 0; i < order.length; i += 2)
      await Promise.all(order.slice(i, i + 2).map((c) => c()));

    // Every lifecycle event of this run once more, in reverse order: duplicates and old versions.
    const ours = new Set(registered.map((m) => m.id));
    const copies = probe.messages
      .filter((m) => ours.has(m.key?.toString() ?? ''))
      .reverse()
      .map((m) => ({ key: m.key!.toString(), value: m.value!.toString() }));
    expect(copies.length).toBeGreaterThan(births.length);
    const producer = new EventProducer(createKafka('jiceng-test-rm-dup'));
    await producer.send(Topics.membersLifecycle, copies);
    await producer.disconnect();
    await new Promise((r) => setTimeout(r, 3000));

    const expected = await expectRecount();
    // The same figures through the graph, for the moved subtree too.
    await waitFor(async () => {
      const node = await db
        .collection('org_nodes')
        .findOne({ _id: new mongoose.Types.ObjectId(org.gridA) });
      return node?.ancestorIds.map(String).includes(org.streetB) ? true : undefined;
    }, 30_000);
    const underB = (m: any) =>
      m.status !== 'LEFT' &&
      [String(m.organizationId)].some((id) => [org.gridA, org.gridB].includes(id));
    const stats = dataOf(
      await q(
        `{ memberStats(organizationId: "${org.streetB}") { total left byAgeBand { band count } }
           organization(id: "${org.streetB}") { memberCount members(first: 100) { totalCount edges { node { id } } } } }`,
      ),
    );
    const held = expected.members.filter(underB);
    expect(stats.memberStats.total).toBe(held.length);
    expect(stats.organization.memberCount).toBe(held.length);
    expect(stats.organization.members.totalCount).toBe(held.length);
    expect(stats.organization.members.edges.map((e: any) => e.node.id).sort()).toEqual(
      held.map((m) => String(m._id)).sort(),
    );
    const streetA = dataOf(
      await q(`{ organization(id: "${org.streetA}") { memberCount } }`),
    ).organization;
    expect(streetA.memberCount).toBe(0); // its only community moved away with its members
  });

  it('resumes a crash after the intent and a crash after the increments without double counting', async () => {
    const [before, after] = (await db
      .collection('member_contributions')
      .find({})
      .limit(2)
      .toArray()) as any[];
    const counters = db.collection<{ _id: string; tokens: string[] }>('member_counters');
    const stale = new Date(Date.now() - 60_000);
    // Crashed before the increments: the counters lack the member, the intent is recorded.
    const t1 = randomUUID();
    for (const [doc, fields] of contributionDelta(before.keys, []).counters)
      await counters.updateOne({ _id: doc }, { $inc: fields });
    await db.collection('member_contributions').updateOne(
      { _id: before._id },
      {
        $set: {
          version: 0,
          keys: [],
          pending: {
            token: t1,
            owner: 'dead',
            at: stale,
            version: before.version,
            keys: before.keys,
            before: [],
          },
        },
      },
    );
    // Crashed after the increments: the counters hold the member under the token, not yet done.
    const t2 = randomUUID();
    for (const doc of contributionDelta([], after.keys).counters.keys())
      await counters.updateOne({ _id: doc }, { $push: { tokens: t2 } });
    await db.collection('member_contributions').updateOne(
      { _id: after._id },
      {
        $set: {
          version: 0,
          keys: [],
          pending: {
            token: t2,
            owner: 'dead',
            at: stale,
            version: after.version,
            keys: after.keys,
            before: [],
          },
        },
      },
    );
    // Their events come again (as after a restart before the offsets were committed).
    const producer = new EventProducer(createKafka('jiceng-test-rm-crash'));
    const copies = probe.messages
      .filter((m) => [String(before._id), String(after._id)].includes(m.key?.toString() ?? ''))
      .map((m) => ({ key: m.key!.toString(), value: m.value!.toString() }));
    await producer.send(Topics.membersLifecycle, copies);
    await producer.disconnect();
    await expectRecount();
  });
});
