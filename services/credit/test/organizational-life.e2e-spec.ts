import mongoose, { type Connection } from 'mongoose';
import {
  Topics,
  type CloudEvent,
  type HouseholdContactsV1,
  type OrganizationalLifeV1,
  type PairingEventV1,
  type ProjectEventV1,
  type StarRatingV1,
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
  stackGroupEnv,
  stackGroupTopics,
  startGroupsAtTopicEnds,
  tokenFor,
  type TopicProbe,
  waitFor,
  waitForOrgProjection,
  YUNHE_SAMPLE,
} from '@jiceng/testing';
import { consumerGroups } from '../src/credit.env';
import { topicEnds, waitUntilCaughtUp } from '../src/projections/catch-up';
import type { StartOffsets } from '../src/replay/replay-lib';
import { replayAgainstLive } from './replay-check';
import { checkIn, newId, publish, runId, startGroupsAtEnd } from './support';

// Organizational life feeding the ledger: a meeting recorded in members (organizations for the
// tree behind it), its events consumed by credit over the real broker and Mongo-wire server; a
// duplicate of the event produced again, a correction, and the bonuses of a five-star rating
// published and a joint project completed in organizations, each through the gateway, with the
// firm tier they feed; household visits (党员联系户) recorded in members. Check-ins are produced by hand: volunteering is not in this stack. Only
// the services this needs run; every consumer group starts at its topic's end.

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
const FIRM_BONUSES = `query($p: String!) { firmCreditBonuses(period: $p) {
  firmId creditCode period tier tierLabel bonusScore points tierPoints ruleVersion } }`;

// A template of its own (the suite tests credit, not organizations' 22 criteria): two criteria
// adding up to 100, five stars from 90.
const RATING_TEMPLATE = {
  name: '积分测试评定标准',
  effectiveFrom: '2026-Q1',
  fiveStarMinScore: 90,
  fourStarMinScore: 75,
  aspects: [
    {
      code: 'A',
      title: '班子建设',
      criteria: [
        { code: 'A1', title: '班子配备', maxScore: 60, rule: '社区“两委”班子配备齐全' },
        { code: 'A2', title: '书记履职', maxScore: 40, rule: '书记履行第一责任人职责' },
      ],
    },
  ],
};
const ALL_PASSED = ['SERVICE_CENTER', 'RECORDS', 'HIGHLIGHTS'].map((check) => ({
  check,
  passed: true,
  note: '达标',
}));
const FIRM_CREDIT_CODE = '91130632MA0F8X5E05';

describe('organizational life and bonuses in the credit ledger', () => {
  let organizations: AppProcess;
  let members: AppProcess;
  let credit: AppProcess;
  let gateway: AppProcess;
  let lifeProbe: TopicProbe;
  let ratingsProbe: TopicProbe;
  let pairingsProbe: TopicProbe;
  let projectsProbe: TopicProbe;
  let householdsProbe: TopicProbe;
  let membersConn: Connection;
  let org: Record<string, string> = {};
  const people: Record<string, string> = {};
  let firm: string;
  let startOffsets: StartOffsets;

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
  /** Until these consumers of credit have read everything produced to their topics so far. */
  const caughtUp = async (
    ...groups: [keyof ReturnType<typeof consumerGroups>, string][]
  ): Promise<void> => {
    const ends = await topicEnds(kafka, [...new Set(groups.map(([, topic]) => topic))]);
    const reading = groups.map(([group, topic]) => ({
      groupId: consumerGroups(prefix)[group],
      topic,
    }));
    expect(await waitUntilCaughtUp(kafka, reading, ends, 60_000)).toBe(true);
  };
  const eventsOf = <T>(probe: TopicProbe) =>
    probe.messages.map((m) => JSON.parse(m.value!.toString()) as CloudEvent<T>);
  const lifeEvents = () => eventsOf<OrganizationalLifeV1>(lifeProbe);
  /** The first event the probe has read, or will read, that matches. */
  const delivered = async <T>(probe: TopicProbe, match: (event: CloudEvent<T>) => boolean) => {
    await probe.waitFor(() => eventsOf<T>(probe).some(match), 60_000);
    return eventsOf<T>(probe).find(match)!;
  };
  /** Produces the event again as it was delivered, and a copy under a new event id. */
  const redeliver = (topic: string, event: CloudEvent<unknown>) =>
    producer.send(topic, [
      { key: event.subject, value: JSON.stringify(event) },
      { key: event.subject, value: JSON.stringify({ ...event, id: newId() }) },
    ]);

  beforeAll(async () => {
    // Members' groups as every stack names them, started at the topics' ends.
    const membersPrefix = `jiceng-members-e2e-cl-${run}`;
    const membersGroups = stackGroupEnv('members', membersPrefix);
    [startOffsets] = await Promise.all([
      startGroupsAtEnd(kafka, prefix),
      startGroupsAtTopicEnds(kafka, stackGroupTopics('members', membersPrefix)),
    ]);
    [lifeProbe, ratingsProbe, pairingsProbe, projectsProbe, householdsProbe] = await Promise.all(
      [
        Topics.membersOrganizationalLife,
        Topics.organizationsRatings,
        Topics.organizationsPairings,
        Topics.organizationsProjects,
        Topics.membersHouseholdContacts,
      ].map((topic) => probeTopic(kafka, topic)),
    );
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
        key: 'jointCommittee',
        parent: 'province',
        name: '雄安高铁站项目联合党委',
        kind: 'JOINT_COMMITTEE',
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: '130632',
      },
    ]);
    // The project behind the joint committee, its project branch and the firm behind that
    // branch, as organizations builds them: credit learns the link from the projects topic.
    firm = dataOf(
      await q(
        'mutation($input: CreateConstructionFirmInput!) { createConstructionFirm(input: $input) { id } }',
        { input: { name: '冀建集团有限公司', creditCode: FIRM_CREDIT_CODE } },
      ),
    ).createConstructionFirm.id;
    const project = dataOf(
      await q(
        'mutation($input: CreateConstructionProjectInput!) { createConstructionProject(input: $input) { id } }',
        {
          input: {
            name: '雄安高铁站',
            regionCode: '130632',
            jointCommitteeId: org.jointCommittee,
            firmIds: [firm],
            status: 'UNDER_CONSTRUCTION',
          },
        },
      ),
    ).createConstructionProject.id as string;
    org.area = dataOf(
      await q(
        'mutation($p: ID!) { createProjectAreaBranch(input: { projectId: $p, name: "高铁站第一片区党总支" }) { id } }',
        { p: project },
      ),
    ).createProjectAreaBranch.id;
    org.site = dataOf(
      await q(
        'mutation($a: ID!) { createProjectBranch(input: { areaBranchId: $a, name: "雄安高铁站2标段临时党支部" }) { id } }',
        { a: org.area },
      ),
    ).createProjectBranch.id;
    dataOf(
      await q(
        'mutation($b: ID!, $f: ID!) { assignBranchToFirm(input: { branchId: $b, firmId: $f }) { id } }',
        { b: org.site, f: firm },
      ),
    );
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
    // Credit holds the branch's firm before the floating member's first meeting, which shares
    // with it.
    await delivered<ProjectEventV1>(
      projectsProbe,
      (e) => e.subject === project && e.data.firms.some((f) => f.branchIds.includes(org.site)),
    );
    await caughtUp(['projects', Topics.organizationsProjects]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([
      gateway?.stop(),
      credit?.stop(),
      members?.stop(),
      organizations?.stop(),
      lifeProbe?.stop(),
      ratingsProbe?.stop(),
      pairingsProbe?.stop(),
      projectsProbe?.stop(),
      householdsProbe?.stop(),
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
    await caughtUp(['organizationalLife', Topics.membersOrganizationalLife]);
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
    // 自己评 → 公开讲 → 实地看 → 复评 → 公布 of 朝阳社区 for 2026-Q4, five stars at every step
    // (ADMIN may take each step; who else may is organizations' concern).
    dataOf(
      await q(
        'mutation($input: CreateRatingTemplateInput!) { createRatingTemplate(input: $input) { version } }',
        { input: RATING_TEMPLATE },
      ),
    );
    const ratingId = dataOf(
      await q(
        'mutation($input: SelfAssessStarRatingInput!) { selfAssessStarRating(input: $input) { id } }',
        {
          input: {
            organizationId: org.communityA,
            period: '2026-Q4',
            scores: [
              { criterionCode: 'A1', score: 58 },
              { criterionCode: 'A2', score: 38 },
            ],
            claimedStars: 5,
          },
        },
      ),
    ).selfAssessStarRating.id as string;
    const step = async (mutation: string, input: object) =>
      dataOf(
        await q(
          `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) {
            ${mutation}(input: $input) { status stars } }`,
          { input: { id: ratingId, ...input } },
        ),
      )[mutation];
    await step('defendStarRating', { score: 92, proposedStars: 5 });
    await step('inspectStarRating', { findings: ALL_PASSED });
    await step('reviewStarRating', { stars: 5 });
    expect(await step('publishStarRating', {})).toEqual({ status: 'PUBLISHED', stars: 5 });

    // 社企联建 of 彩虹社区 and the project branch; its joint project carried out and completed.
    const pairingId = dataOf(
      await q('mutation($input: CreatePairingInput!) { createPairing(input: $input) { id } }', {
        input: {
          name: '彩虹社区—高铁站2标段联建',
          kind: 'COMMUNITY_ENTERPRISE',
          parties: [{ organizationId: org.communityB }, { organizationId: org.site }],
          startedAt: '2026-11-01T09:00:00+08:00',
        },
      }),
    ).createPairing.id as string;
    const jointProjectId = dataOf(
      await q(
        'mutation($input: AddJointProjectInput!) { addJointProject(input: $input) { jointProjects { id } } }',
        { input: { pairingId, name: '共建农民工夜校', at: '2026-11-02T09:00:00+08:00' } },
      ),
    ).addJointProject.jointProjects[0].id as string;
    // Dated back: the completion's bonus belongs to 2026-Q4, whenever it is recorded.
    for (const [status, at] of [
      ['IN_PROGRESS', '2026-11-05T09:00:00+08:00'],
      ['COMPLETED', '2026-11-20T10:00:00+08:00'],
    ]) {
      dataOf(
        await q(
          'mutation($input: ChangeJointProjectStatusInput!) { changeJointProjectStatus(input: $input) { version } }',
          { input: { pairingId, jointProjectId, status, at } },
        ),
      );
    }

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

    // What organizations published, delivered again (as is and under a new event id): the
    // bonuses are per result, so nothing changes.
    const published = await delivered<StarRatingV1>(
      ratingsProbe,
      (e) => e.subject === ratingId && e.data.status === 'PUBLISHED',
    );
    const completed = await delivered<PairingEventV1>(
      pairingsProbe,
      (e) =>
        e.subject === pairingId &&
        e.data.jointProjects.some(
          (p) => p.jointProjectId === jointProjectId && p.status === 'COMPLETED',
        ),
    );
    expect([published.type, completed.type]).toEqual([
      'jiceng.organizations.star-rating.published',
      'jiceng.organizations.pairing.joint-project-changed',
    ]);
    await redeliver(Topics.organizationsRatings, published);
    await redeliver(Topics.organizationsPairings, completed);
    await caughtUp(
      ['starRatings', Topics.organizationsRatings],
      ['jointBuilding', Topics.organizationsPairings],
    );
    for (const [party, total] of [
      [org.communityA, 100],
      [org.communityB, 50],
      [org.site, 50],
    ] as const) {
      expect((await entries('ORGANIZATION', party)).totalCount).toBe(1);
      expect(await points('ORGANIZATION', party, '2026-Q4')).toBe(total);
    }
  });

  it('counts the project branch’s joint-building bonus toward its firm’s tier', async () => {
    // Dave's check-ins on the project give the firm behind it half their task points (his own
    // monthly cap of 200 does not cut the firm's share): 249, with the 1 of his meeting there
    // 250 of the firm's own for 2026-Q4. The joint project completed above gave the project
    // branch 50, which rules v1 count toward the firm's tier: 300, tier C exactly.
    await publish(
      producer,
      [200, 200, 98].map((taskPoints, i) =>
        checkIn({
          memberId: people.dave,
          communityId: org.communityB,
          taskPoints,
          reviewedAt: `2026-10-${12 + i}T10:00:00+08:00`,
        }),
      ),
    );
    await until(async () => ((await points('FIRM', firm, '2026-Q4')) === 250 ? true : undefined));
    const bonus = await until(async () => {
      const bonuses = dataOf(await q(FIRM_BONUSES, { p: '2026-Q4' })).firmCreditBonuses as {
        firmId: string;
        tier: string;
      }[];
      const found = bonuses.find((b) => b.firmId === firm);
      return found?.tier === 'C' ? found : undefined;
    });
    expect(bonus).toEqual({
      firmId: firm,
      creditCode: FIRM_CREDIT_CODE,
      period: '2026-Q4',
      tier: 'C',
      tierLabel: '党建信用C级',
      bonusScore: 1,
      points: 250,
      tierPoints: 300,
      ruleVersion: 'v1',
    });
  });

  it('earns a household’s month once for its first visit on time, however often it arrives', async () => {
    // Frank holds two households of gridA from September: one visited on the 3rd (on time), again
    // on the 5th, and in October; the other on the 15th (late, 每月10日前 missed).
    const res = await q(
      'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
      {
        input: {
          organizationId: org.gridA,
          name: '积分党员frank',
          idNumber: idNumber(4),
          status: 'FULL',
          statusSince: '2010-07-01T00:00:00+08:00',
        },
      },
    );
    const frank = dataOf(res).registerMember.id as string;
    // One after the other: a grid's households are one roster document, written with a version.
    const households: string[] = [];
    for (const address of ['5号楼1单元101', '5号楼1单元102'])
      households.push(
        dataOf(
          await q(
            'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
            {
              input: {
                organizationId: org.gridA,
                address,
                memberId: frank,
                assignedOn: '2026-09-01',
              },
            },
          ),
        ).registerHousehold.id as string,
      );
    const [home, other] = households;
    const visit = async (householdId: string, visitedOn: string) => {
      const recorded = dataOf(
        await q(
          'mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id onTime } }',
          { input: { householdId, visitedOn, duties: ['POLICY_PUBLICITY'] } },
        ),
      ).recordHouseholdVisit as { id: string; onTime: boolean };
      // Each visit's event out before the next is recorded: the first on time earns.
      const event = await delivered<HouseholdContactsV1>(
        householdsProbe,
        (e) => e.data.visit?.visitId === recorded.id,
      );
      return { ...recorded, event };
    };
    const first = await visit(home, '2026-09-03');
    expect(first.event.data.visit).toMatchObject({ memberId: frank, branchId: org.gridA });
    const second = await visit(home, '2026-09-05');
    const late = await visit(other, '2026-09-15');
    expect([first.onTime, second.onTime, late.onTime]).toEqual([true, true, false]);

    const VISIT_ENTRIES = `query($a: AccountInput!) { ledgerEntries(account: $a) { totalCount
      edges { node { kind role roleLabel points month sourceEventId visitId ruleVersion } } } }`;
    const visitEntries = async (kind: string, id: string) =>
      (
        dataOf(await q(VISIT_ENTRIES, { a: { kind, id } })).ledgerEntries.edges as {
          node: Record<string, unknown>;
        }[]
      ).map((e) => e.node);
    const september = {
      kind: 'EARN',
      month: '2026-09',
      sourceEventId: `household-visit:${home}:2026-09`,
      visitId: first.id,
      ruleVersion: 'v1',
    };
    const settled = async () => {
      await caughtUp(['householdContacts', Topics.membersHouseholdContacts]);
      expect(await visitEntries('MEMBER', frank)).toEqual([
        { ...september, role: 'HOUSEHOLD_VISIT', roleLabel: '走访联系户党员', points: 2 },
      ]);
      expect(await points('MEMBER', frank, '2026-09')).toBe(2);
      // The member's branch (gridA, where frank is a member) takes its share of 1.
      expect(
        (await visitEntries('ORGANIZATION', org.gridA)).filter((e) => e.month === '2026-09'),
      ).toEqual([{ ...september, role: 'BRANCH', roleLabel: '所在党支部', points: 1 }]);
      expect(await points('ORGANIZATION', org.gridA, '2026-09')).toBe(1);
    };
    await until(async () => ((await points('MEMBER', frank, '2026-09')) === 2 ? true : undefined));
    await settled();

    // The first visit's event produced again, as is and under a new event id: nothing more.
    await redeliver(Topics.membersHouseholdContacts, first.event);
    await settled();

    // Another month is another duty: the household's October visit earns again.
    const october = await visit(home, '2026-10-02');
    await until(async () => ((await points('MEMBER', frank, '2026-10')) === 2 ? true : undefined));
    expect((await visitEntries('MEMBER', frank)).map((e) => [e.visitId, e.month])).toEqual(
      expect.arrayContaining([
        [first.id, '2026-09'],
        [october.id, '2026-10'],
      ]),
    );
    expect(await points('MEMBER', frank, '2026-09')).toBe(2);
  });

  it('rebuilds the same balances, attendance and bonuses included, from the topics', async () => {
    const { result, live } = await replayAgainstLive({
      kafka,
      dbName: creditDb,
      prefix,
      startOffsets,
      balanceHash: async () =>
        dataOf(await q('{ balanceHash { hash accountMonths wallets firmTiers } }')).balanceHash,
    });
    expect(result.differences ?? []).toEqual([]);
    expect(result.same).toBe(true);
    expect(result.replay).toMatchObject({
      hash: live.hash,
      accountMonths: live.accountMonths,
      // The firm behind the project branch in 2026-Q4.
      firmTiers: 1,
    });
  }, 400_000);
});
