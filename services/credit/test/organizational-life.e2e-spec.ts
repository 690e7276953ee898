import mongoose, { type Connection } from 'mongoose';
import {
  createEvent,
  pairingEventsV1,
  starRatingV1,
  Topics,
  type CloudEvent,
  type OrganizationalLifeV1,
} from '@jiceng/events';
import { createKafka, EventProducer } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  type AppProcess,
  createOrgTree,
  dataOf,
  dropDatabases,
  gql,
  probeTopic,
  startApp,
  startGroupsAtTopicEnds,
  tokenFor,
  type TopicProbe,
  waitFor,
  waitForOrgProjection,
  YUNHE_SAMPLE,
} from '@jiceng/testing';
import { consumerGroups } from '../src/credit.env';
import { topicEnds, waitUntilCaughtUp } from '../src/projections/catch-up';
import { newId, projectEvent, publish, runId, startGroupsAtEnd } from './support';

// Organizational life feeding the ledger: a meeting recorded in members (organizations for the
// tree behind it), its events consumed by credit over the real broker and Mongo-wire server; a
// duplicate of the event produced again, a correction, and the bonuses of a published five-star
// rating and a completed joint project, published straight to their topics as organizations
// would. Only the services this needs run; every consumer group starts at its topic's end.

const run = runId();
const orgDb = `jiceng_organizations_e2e_cl${run}`;
const membersDb = `jiceng_members_e2e_cl${run}`;
const creditDb = `jiceng_credit_e2e_cl${run}`;
const prefix = `jiceng-credit-e2e-cl-${run}`;
const kafka = createKafka('jiceng-credit-life-test');
const producer = new EventProducer(kafka);
const admin = tokenFor('ADMIN');
// The consumers run behind other suites' on a shared machine: patience, not sleeps.
const until = <T>(check: () => Promise<T | undefined>) => waitFor(check, 60_000, 250);

// 居民身份证号码 with its ISO 7064 MOD 11-2 check character, as members validates them.
const idNumber = (seq: number) => {
  const first17 = `13090319800101${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
};

const ENTRIES = `query($a: AccountInput!) { ledgerEntries(account: $a) { totalCount
  edges { node { kind kindLabel role roleLabel points requestedPoints sourceEventId reversesEntryId quarter } } } }`;
const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) {
  id attendance { id memberId } } }`;
const CORRECT = `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { version } }`;

describe('organizational life and bonuses in the credit ledger', () => {
  let organizations: AppProcess;
  let members: AppProcess;
  let credit: AppProcess;
  let gateway: AppProcess;
  let lifeProbe: TopicProbe;
  let membersConn: Connection;
  let org: Record<string, string> = {};
  const people: Record<string, string> = {};
  const firm = newId();

  const q = (query: string, variables?: object) => gql(gateway.baseUrl, admin, query, variables);
  // Waited for by their edges: the count and the page are read side by side.
  const entries = async (kind: string, id: string) =>
    dataOf(await q(ENTRIES, { a: { kind, id } })).ledgerEntries as {
      totalCount: number;
      edges: { node: Record<string, any> }[];
    };
  const points = async (kind: string, id: string, period?: string) =>
    dataOf(
      await q(
        'query($a: AccountInput!, $p: String) { creditAccount(account: $a) { points(period: $p) } }',
        { a: { kind, id }, p: period },
      ),
    ).creditAccount.points as number;
  const recordMeeting = async (
    organizationId: string,
    kind: string,
    heldOn: string,
    attendance: { memberId: string; status: string }[],
  ) =>
    dataOf(
      await q(RECORD, {
        input: {
          organizationId,
          kind,
          heldOn,
          place: '党员活动室',
          topic: '学习党章',
          leader: '支部书记',
          attendance,
        },
      }),
    ).recordMeeting as { id: string; attendance: { id: string; memberId: string }[] };
  /** Until credit's attendance consumer has read everything produced so far. */
  const caughtUp = async () => {
    const topic = Topics.membersOrganizationalLife;
    const groupId = consumerGroups(prefix).organizationalLife;
    const ends = await topicEnds(kafka, [topic]);
    expect(await waitUntilCaughtUp(kafka, [{ groupId, topic }], ends, 60_000)).toBe(true);
  };
  const lifeEvents = () =>
    lifeProbe.messages.map(
      (m) => JSON.parse(m.value!.toString()) as CloudEvent<OrganizationalLifeV1>,
    );

  beforeAll(async () => {
    const membersGroups = {
      ORG_PROJECTION_GROUP: `jiceng-members-e2e-cl-org-${run}`,
      MEMBERS_COUNTERS_GROUP: `jiceng-members-e2e-cl-counters-${run}`,
      MEMBERS_MEETING_TALLY_GROUP: `jiceng-members-e2e-cl-meetings-${run}`,
    };
    await Promise.all([
      startGroupsAtEnd(kafka, prefix),
      startGroupsAtTopicEnds(kafka, [
        { groupId: membersGroups.ORG_PROJECTION_GROUP, topic: Topics.organizationsLifecycle },
        { groupId: membersGroups.MEMBERS_COUNTERS_GROUP, topic: Topics.membersLifecycle },
        {
          groupId: membersGroups.MEMBERS_MEETING_TALLY_GROUP,
          topic: Topics.membersOrganizationalLife,
        },
      ]),
    ]);
    lifeProbe = await probeTopic(kafka, Topics.membersOrganizationalLife);
    // One at a time: on a loaded machine, starting them together makes each miss its deadline.
    organizations = await startApp('services/organizations', { MONGO_DB: orgDb });
    members = await startApp('services/members', { MONGO_DB: membersDb, ...membersGroups });
    credit = await startApp('services/credit', {
      MONGO_DB: creditDb,
      CREDIT_GROUP_PREFIX: prefix,
      CREDIT_CONSUMERS_PER_GROUP: '1',
    });
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: organizations.url,
      SUBGRAPH_URL_MEMBERS: members.url,
      SUBGRAPH_URL_CREDIT: credit.url,
    });
    membersConn = await mongoose
      .createConnection(mongoUrlFromEnv(), { dbName: membersDb })
      .asPromise();
    org = await createOrgTree(gateway.baseUrl, admin, [
      ...YUNHE_SAMPLE,
      {
        key: 'site',
        parent: 'province',
        name: '雄安高铁站2标段临时党支部',
        kind: 'TEMPORARY_BRANCH',
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: '130632',
      },
    ]);
    await waitForOrgProjection(membersConn, Object.values(org));
    for (const [seq, key, branch] of [
      [1, 'alice', org.gridA],
      [2, 'bob', org.gridA],
      [3, 'dave', org.gridB],
    ] as const) {
      const res = await q(
        'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
        {
          input: {
            organizationId: branch,
            name: `积分党员${key}`,
            idNumber: idNumber(seq),
            status: 'FULL',
            statusSince: '2010-07-01T00:00:00+08:00',
          },
        },
      );
      people[key] = dataOf(res).registerMember.id;
    }
    dataOf(
      await q('mutation($input: AssignFloatingInput!) { assignFloating(input: $input) { id } }', {
        input: {
          memberId: people.dave,
          projectBranchId: org.site,
          from: '2026-01-01T00:00:00+08:00',
        },
      }),
    );
    // The firm behind the project branch, as organizations' projects topic names it.
    await publish(producer, [
      projectEvent(newId(), org.province, [
        { firmId: firm, creditCode: '91130600MA0F8X5E4L', branchIds: [org.site] },
      ]),
    ]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([
      gateway?.stop(),
      credit?.stop(),
      members?.stop(),
      organizations?.stop(),
      lifeProbe?.stop(),
      producer.disconnect(),
    ]);
    await membersConn?.close();
    await dropDatabases(orgDb, membersDb, creditDb);
  });

  let meetingId: string;
  let bobAttendance: string;

  it('earns a meeting’s attendance once, however often its event arrives', async () => {
    const meeting = await recordMeeting(org.gridA, 'BRANCH_GENERAL_MEETING', '2026-11-10', [
      { memberId: people.alice, status: 'PRESENT' },
      { memberId: people.bob, status: 'ABSENT' },
    ]);
    meetingId = meeting.id;
    bobAttendance = meeting.attendance.find((a) => a.memberId === people.bob)!.id;

    const alice = await until(async () => {
      const found = await entries('MEMBER', people.alice);
      return found.edges.length === 1 ? found : undefined;
    });
    expect(alice.edges[0].node).toMatchObject({
      kind: 'EARN',
      kindLabel: '积分',
      role: 'MEMBER',
      points: 3,
      quarter: '2026-Q4',
    });
    expect(await points('ORGANIZATION', org.gridA, '2026-11')).toBe(1);
    expect((await entries('MEMBER', people.bob)).totalCount).toBe(0);

    // The same event produced again, and a copy under a new event id: nothing more.
    const recorded = lifeEvents().find((e) => e.subject === meetingId)!;
    await producer.send(Topics.membersOrganizationalLife, [
      { key: meetingId, value: JSON.stringify(recorded) },
      { key: meetingId, value: JSON.stringify({ ...recorded, id: newId() }) },
    ]);
    await caughtUp();
    expect((await entries('MEMBER', people.alice)).totalCount).toBe(1);
    expect(await points('MEMBER', people.alice)).toBe(3);
    expect(await points('ORGANIZATION', org.gridA, '2026-11')).toBe(1);
  });

  it('gives a floating member’s share to its home branch and the firm behind the project branch', async () => {
    const present = [{ memberId: people.dave, status: 'PRESENT' }];
    await recordMeeting(org.gridB, 'PARTY_LECTURE', '2026-11-12', present);
    await recordMeeting(org.site, 'THEME_PARTY_DAY', '2026-11-15', present);
    await until(async () => ((await points('MEMBER', people.dave)) === 6 ? true : undefined));
    expect(await points('ORGANIZATION', org.gridB, '2026-11')).toBe(2);
    expect(await points('ORGANIZATION', org.site)).toBe(0);
    const firmEntries = await until(async () => {
      const found = await entries('FIRM', firm);
      return found.edges.length === 1 ? found : undefined;
    });
    expect(firmEntries.edges[0].node).toMatchObject({ role: 'FIRM', points: 1 });
  });

  it('earns a correction to PRESENT, and reverses a correction away from it', async () => {
    dataOf(
      await q(CORRECT, {
        input: { meetingId, memberId: people.bob, status: 'PRESENT', note: '签到表漏记' },
      }),
    );
    await until(async () => ((await points('MEMBER', people.bob)) === 3 ? true : undefined));
    dataOf(
      await q(CORRECT, {
        input: { meetingId, memberId: people.bob, status: 'ABSENT', note: '误记' },
      }),
    );
    const bob = await until(async () => {
      const found = await entries('MEMBER', people.bob);
      return found.edges.length === 2 ? found : undefined;
    });
    const [earned, reversed] = bob.edges.map((e) => e.node);
    expect(earned).toMatchObject({
      kind: 'EARN',
      points: 3,
      sourceEventId: `attendance:${bobAttendance}:v2`,
    });
    expect(reversed).toMatchObject({
      kind: 'REVERSAL',
      kindLabel: '冲正',
      points: -3,
      sourceEventId: `attendance:${bobAttendance}:v3`,
      reversesEntryId: expect.any(String),
    });
    expect(await points('MEMBER', people.bob)).toBe(0);
    // Alice's point for the branch stays; Bob's came and went.
    expect(await points('ORGANIZATION', org.gridA, '2026-11')).toBe(1);
  });

  it('gives a published five-star rating and a completed joint project their bonuses once', async () => {
    const ratingId = newId();
    const rating = (status: 'REVIEWED' | 'PUBLISHED', version: number) =>
      createEvent(starRatingV1, {
        type: `jiceng.organizations.star-rating.${status.toLowerCase()}`,
        subject: ratingId,
        data: {
          ratingId,
          organizationId: org.communityA,
          streetId: org.streetA,
          period: '2026-Q4',
          status,
          templateVersion: 1,
          version,
          selfScore: 96,
          claimedStars: 5,
          proposedStars: 5,
          inspectionPassed: true,
          stars: 5,
          publishedAt: status === 'PUBLISHED' ? new Date().toISOString() : null,
        },
      });
    const pairingId = newId();
    const jointProjectId = newId();
    const pairing = (status: 'IN_PROGRESS' | 'COMPLETED', version: number) =>
      createEvent(pairingEventsV1, {
        type: 'jiceng.organizations.pairing.joint-project-changed',
        subject: pairingId,
        time: new Date('2026-11-20T10:00:00+08:00'),
        data: {
          pairingId,
          version,
          kind: 'COMMUNITY_ENTERPRISE',
          status: 'ACTIVE',
          partyIds: [org.communityB, org.site],
          resourceCount: 1,
          needCount: 1,
          jointProjects: [{ jointProjectId, status }],
          endedAt: null,
          changedFields: ['jointProjects'],
        },
      });
    const published = rating('PUBLISHED', 5);
    const completed = pairing('COMPLETED', 3);
    const send = (topic: string, events: CloudEvent<unknown>[]) =>
      producer.send(
        topic,
        events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
      );
    await send(Topics.organizationsRatings, [rating('REVIEWED', 4), published, published]);
    await send(Topics.organizationsPairings, [
      pairing('IN_PROGRESS', 2),
      completed,
      pairing('COMPLETED', 4),
    ]);

    const community = await until(async () => {
      const found = await entries('ORGANIZATION', org.communityA);
      return found.edges.length ? found : undefined;
    });
    expect(community.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'BONUS',
        kindLabel: '奖励加分',
        role: 'STAR_RATING',
        roleLabel: '五星级党组织',
        points: 100,
        quarter: '2026-Q4',
        sourceEventId: `star-rating:${ratingId}`,
      }),
    ]);
    for (const party of [org.communityB, org.site]) {
      const found = await until(async () => {
        const list = await entries('ORGANIZATION', party);
        return list.edges.length ? list : undefined;
      });
      expect(found.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          kind: 'BONUS',
          role: 'JOINT_BUILDING',
          roleLabel: '党建联建单位',
          points: 50,
          sourceEventId: `joint-project:${jointProjectId}`,
        }),
      ]);
    }
    expect(await points('ORGANIZATION', org.communityA, '2026-Q4')).toBe(100);
  });
});
