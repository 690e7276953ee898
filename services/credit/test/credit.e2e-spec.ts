import mongoose, { type Connection } from 'mongoose';
import request from 'supertest';
import { CLAIMS_HEADER, claimsSecretFromEnv, signClaims } from '@jiceng/auth';
import {
  dlqTopicOf,
  firmBonusV1,
  Topics,
  type CheckInReviewedV1,
  type CloudEvent,
  type FirmBonusV1,
} from '@jiceng/events';
import { createKafka, EventProducer } from '@jiceng/kafka';
import {
  dataOf,
  errorCode,
  errorFields,
  eventually,
  tokenFor,
  type TopicProbe,
  withSubgraphStack,
} from '@jiceng/testing';
import { consumerGroups } from '../src/credit.env';
import { replayAgainstLive } from './replay-check';
import {
  checkIn,
  memberEvent,
  newId,
  orgEvent,
  projectEvent,
  publish,
  revocation,
  stationVisitEvent,
} from './support';

// The credit subgraph behind the gateway, over the real broker and Mongo-wire server. Member,
// project and organization events and reviewed check-ins are published straight to their
// topics, as the members, organizations and volunteering services would.

const kafka = createKafka('jiceng-credit-test');
const producer = new EventProducer(kafka);
const admin = tokenFor('ADMIN');

describe('credit ledger through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'c',
    services: ['credit'],
    env: {
      credit: {
        CREDIT_LEDGER_RETRY_ATTEMPTS: '2',
        CREDIT_LEDGER_RETRY_BACKOFF_MS: '50',
        // Tier announcements wait for the points to be still this long (a minute by default);
        // longer than one consumer batch takes on a loaded machine, so a burst stays one burst.
        CREDIT_TIER_QUIET_SECONDS: '6',
      },
    },
    probes: [Topics.creditFirmBonus, dlqTopicOf(Topics.volunteeringCheckins)],
  });
  const { q } = stack;
  const dbName = stack.dbName('credit');
  const prefix = stack.groupPrefix('credit');
  let db: Connection;
  let bonusProbe: TopicProbe;
  let dlqProbe: TopicProbe;

  // The tree: district → street → community → grid branches B1, B2; a unit branch U under the
  // district; a project joint committee J with its temporary branch T behind firm F.
  const district = newId();
  const street = newId();
  const community = newId();
  const b1 = newId();
  const b2 = newId();
  const units = newId();
  const unit = newId();
  const joint = newId();
  const temp = newId();
  const project = newId();
  const firm = newId();
  const creditCode = '91130600MA0F8X5E3K';
  const [m1, m2, m3, m4, m5] = [newId(), newId(), newId(), newId(), newId()];
  const checkIns: Record<string, CloudEvent<CheckInReviewedV1>> = {};

  const points = async (kind: string, id: string, period?: string) =>
    dataOf(
      await q(
        admin,
        'query($a: AccountInput!, $p: String) { creditAccount(account: $a) { points(period: $p) } }',
        { a: { kind, id }, p: period },
      ),
    ).creditAccount.points as number;
  const balances = (accounts: [string, string][], period?: string) =>
    Promise.all(accounts.map(([kind, id]) => points(kind, id, period)));
  const publishRules = (token: string, input: object) =>
    q(
      token,
      'mutation($i: PublishCreditRulesInput!) { publishCreditRules(input: $i) { version effectiveFrom } }',
      { i: input },
    );

  beforeAll(async () => {
    db = stack.db('credit');
    bonusProbe = stack.probe(Topics.creditFirmBonus);
    dlqProbe = stack.probe(dlqTopicOf(Topics.volunteeringCheckins));

    const node = (id: string, parent: { id: string; ancestorIds: string[] } | null) => ({
      id,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
    });
    const d = node(district, null);
    const s = node(street, d);
    const c = node(community, s);
    const us = node(units, d);
    const j = node(joint, d);
    await publish(producer, [
      orgEvent(district, '测试区委', null, 'PARTY_COMMITTEE', 'STATE_ORGAN'),
      orgEvent(street, '测试街道党工委', d, 'WORKING_COMMITTEE'),
      orgEvent(community, '测试社区党委', s, 'PARTY_COMMITTEE'),
      orgEvent(b1, '第一网格党支部', c, 'BRANCH', 'GRID'),
      orgEvent(b2, '第二网格党支部', c, 'BRANCH', 'GRID'),
      orgEvent(units, '区直属机关工委', d, 'WORKING_COMMITTEE', 'STATE_ORGAN'),
      orgEvent(unit, '区直第一机关党支部', us, 'BRANCH', 'STATE_ORGAN'),
      orgEvent(joint, '测试项目联合党委', d, 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT'),
      orgEvent(temp, '测试项目1标段临时党支部', j, 'TEMPORARY_BRANCH', 'CONSTRUCTION_PROJECT'),
      projectEvent(project, joint, [{ firmId: firm, creditCode, branchIds: [temp] }]),
      memberEvent({ memberId: m1, organizationId: b1, unitOrganizationId: unit }),
      memberEvent({ memberId: m2, organizationId: b2 }),
      memberEvent({ memberId: m3, organizationId: b1, projectBranchId: temp }),
      // m5 moves from B1 to B2 on 15 June 2023.
      memberEvent({ memberId: m5, organizationId: b1 }, '2023-05-01T00:00:00+08:00'),
      memberEvent({ memberId: m5, organizationId: b2, version: 2 }, '2023-06-15T00:00:00+08:00'),
    ]);
    // Members, projects and organizations exist before anyone serves: wait for the projections.
    await eventually(async () => {
      expect(
        await db
          .collection('member_refs')
          .countDocuments({ _id: { $in: [m1, m2, m3, m5] } as any }),
      ).toBe(4);
      expect(
        await db.collection('member_refs').countDocuments({ _id: m5 as any, version: 2 }),
      ).toBe(1);
      expect(await db.collection('project_refs').countDocuments({ _id: project as any })).toBe(1);
      expect(
        await db.collection('org_nodes').countDocuments({
          _id: {
            $in: [district, street, community, b1, b2, units, unit, joint, temp].map(
              (id) => new mongoose.Types.ObjectId(id),
            ),
          },
        }),
      ).toBe(9);
    });
  });

  afterAll(() => producer.disconnect());

  it('credits member, branch, unit and firm exactly once, attributes by the review date and parks unknown members', async () => {
    const june = (day: number) => `2023-06-${String(day).padStart(2, '0')}T10:00:00+08:00`;
    checkIns.c1 = checkIn({
      memberId: m1,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(5),
    });
    checkIns.c2 = checkIn({
      memberId: m2,
      communityId: community,
      taskPoints: 20,
      reviewedAt: june(6),
    });
    checkIns.c3 = checkIn({
      memberId: m3,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(7),
    });
    checkIns.c4 = checkIn({
      memberId: m4,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(8),
    });
    checkIns.c5 = checkIn({
      memberId: m5,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(10),
    });
    checkIns.c6 = checkIn({
      memberId: m5,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(20),
    });
    checkIns.c7 = checkIn({
      organizationId: unit,
      communityId: community,
      taskPoints: 30,
      reviewedAt: june(21),
    });
    // A second approval of c1's claim under another event id earns nothing.
    const again = checkIn({
      claimId: checkIns.c1.data.claimId,
      memberId: m1,
      communityId: community,
      taskPoints: 10,
      reviewedAt: june(22),
    });
    const all = Object.values(checkIns);
    await publish(producer, [...all, checkIns.c1, checkIns.c3, again, checkIns.c1]);

    // m4 is not known yet: its approval waits, parked, until the member arrives.
    await eventually(async () =>
      expect(
        await balances(
          [
            ['MEMBER', m1],
            ['MEMBER', m5],
            ['ORGANIZATION', unit],
          ],
          '2023-06',
        ),
      ).toEqual([10, 20, 32]),
    );
    await eventually(async () =>
      expect(await db.collection('parked_checkins').countDocuments({ _id: m4 as any })).toBe(1),
    );
    await publish(producer, [memberEvent({ memberId: m4, organizationId: b2 })]);

    await eventually(async () =>
      expect(
        await balances(
          [
            ['MEMBER', m1],
            ['MEMBER', m2],
            ['MEMBER', m3],
            ['MEMBER', m4],
            ['MEMBER', m5],
            ['ORGANIZATION', b1],
            ['ORGANIZATION', b2],
            ['ORGANIZATION', unit],
            ['FIRM', firm],
          ],
          '2023-Q2',
        ),
      ).toEqual([10, 20, 10, 10, 20, 2 + 2 + 2, 4 + 2 + 2, 2 + 30, 5]),
    );
    // (Other check-ins on the shared topic, of members unknown here, stay parked.)
    await eventually(async () =>
      expect(
        await db
          .collection('parked_checkins')
          .countDocuments({ _id: { $in: [m1, m2, m3, m4, m5] } as any }),
      ).toBe(0),
    );
    // One entry per event and account: duplicates added nothing.
    expect(
      await db.collection('ledger_entries').countDocuments({ sourceEventId: checkIns.c1.id }),
    ).toBe(3);
    expect(await db.collection('ledger_entries').countDocuments({ sourceEventId: again.id })).toBe(
      0,
    );

    const entries = dataOf(
      await q(
        admin,
        `query($a: AccountInput!) { ledgerEntries(account: $a, first: 10) { totalCount edges { node {
           kind kindLabel role roleLabel points requestedPoints capped ruleVersion month quarter sourceEventId accountKindLabel } } } }`,
        { a: { kind: 'ORGANIZATION', id: b1 } },
      ),
    ).ledgerEntries;
    expect(entries.totalCount).toBe(3);
    // Partitions are applied concurrently: find c1's entry rather than assume it came first.
    const c1Entry = entries.edges.find((e: any) => e.node.sourceEventId === checkIns.c1.id);
    expect(c1Entry?.node).toEqual({
      kind: 'EARN',
      kindLabel: '积分',
      role: 'BRANCH',
      roleLabel: '所在党支部',
      points: 2,
      requestedPoints: 2,
      capped: false,
      ruleVersion: 'v1',
      month: '2023-06',
      quarter: '2023-Q2',
      sourceEventId: checkIns.c1.id,
      accountKindLabel: '党组织',
    });
  });

  it('reverses a revoked approval with reversal entries in its own month', async () => {
    await publish(producer, [revocation(checkIns.c2, '2023-07-02T09:00:00+08:00')]);
    await eventually(async () =>
      expect(
        await balances(
          [
            ['MEMBER', m2],
            ['ORGANIZATION', b2],
          ],
          '2023-06',
        ),
      ).toEqual([0, 4]),
    );
    const reversals = await db.collection('ledger_entries').find({ kind: 'REVERSAL' }).toArray();
    expect(reversals.map((r) => [r.account, r.points, r.month]).sort()).toEqual([
      [`MEMBER:${m2}`, -20, '2023-06'],
      [`ORGANIZATION:${b2}`, -4, '2023-06'],
    ]);
  });

  it('caps accounts per month and announces the firm’s tier once its points are still', async () => {
    const july = (i: number) => new Date(Date.UTC(2023, 6, 3, 2, i)).toISOString();
    const m1July = Array.from({ length: 25 }, (_, i) =>
      checkIn({ memberId: m1, communityId: community, taskPoints: 10, reviewedAt: july(i) }),
    );
    const m3July = Array.from({ length: 20 }, (_, i) =>
      checkIn({ memberId: m3, communityId: community, taskPoints: 100, reviewedAt: july(i) }),
    );
    // Delivery is at least once: a relay or probe that retries under load hands the same event
    // (same id) over again, which consumers skip by id. Distinct events are what must be exact.
    const firmEvents = (
      messages: { key: Buffer | null; value: Buffer | null }[],
      quarter = '2023-Q3',
    ) =>
      [
        ...new Map(
          messages
            .filter((m) => m.key?.toString() === firm)
            .map((m) => JSON.parse(m.value!.toString()))
            .map((event) => [event.id, event]),
        ).values(),
      ].filter((event) => event.data.period === quarter);
    const announced = async (count: number, quarter = '2023-Q3') =>
      firmEvents(
        await bonusProbe.waitFor((messages) => firmEvents(messages, quarter).length >= count),
        quarter,
      ).map((event) => event.data as FirmBonusV1);

    // Each step waits for its announcement, so each tier is still long enough to be announced.
    await publish(producer, [...m1July, ...m3July.slice(0, 6)]);
    // 6 × 50 = 300 points: tier C.
    await eventually(async () => expect(await points('FIRM', firm, '2023-Q3')).toBe(300));
    await announced(1);
    await publish(producer, m3July.slice(6));
    await eventually(async () => expect(await points('FIRM', firm, '2023-Q3')).toBe(1000));
    await announced(2);
    await publish(producer, [revocation(m3July[0], '2023-07-20T09:00:00+08:00')]);
    await eventually(async () =>
      expect(
        await balances(
          [
            ['MEMBER', m1],
            ['MEMBER', m3],
            ['ORGANIZATION', b1],
            ['ORGANIZATION', unit],
            ['FIRM', firm],
          ],
          '2023-07',
        ),
      ).toEqual([200, 200, 25 * 2 + 19 * 20, 25 * 2, 950]),
    );
    const capped = await db
      .collection('ledger_entries')
      .countDocuments({ account: `MEMBER:${m1}`, month: '2023-07', capped: true });
    expect(capped).toBe(5);

    const events = await bonusProbe.waitFor((messages) => firmEvents(messages).length >= 3);
    const bonuses = firmEvents(events).map((event) => event.data as FirmBonusV1);
    expect(
      bonuses.map((b) => [b.sequence, b.previousTier, b.tier, b.bonusScore, b.points]),
    ).toEqual([
      [1, null, 'C', 1, 300],
      [2, 'C', 'B', 2, 1000],
      [3, 'B', 'C', 1, 950],
    ]);
    expect(bonuses.every((b) => b.creditCode === creditCode && b.period === '2023-Q3')).toBe(true);
    expect(firmBonusV1.types).toContain(firmEvents(events)[0].type);

    // A burst that climbs through C to B within the quiet period is one announcement, of B.
    const october = Array.from({ length: 20 }, (_, i) =>
      checkIn({
        memberId: m3,
        communityId: community,
        taskPoints: 100,
        reviewedAt: new Date(Date.UTC(2023, 9, 9, 2, i)).toISOString(),
      }),
    );
    await publish(producer, october);
    await eventually(async () => expect(await points('FIRM', firm, '2023-Q4')).toBe(1000));
    expect(
      (await announced(1, '2023-Q4')).map((b) => [b.sequence, b.previousTier, b.tier, b.points]),
    ).toEqual([[1, null, 'B', 1000]]);
    // Nothing else is due: the record has no announcement pending.
    const q4 = dataOf(
      await q(
        admin,
        `{ firmCreditBonuses(period: "2023-Q4") { firmId tier announcedTier announcementDueAt sequence } }`,
      ),
    ).firmCreditBonuses.find((b: any) => b.firmId === firm);
    expect(q4).toEqual({
      firmId: firm,
      tier: 'B',
      announcedTier: 'B',
      announcementDueAt: null,
      sequence: 1,
    });

    const bonus = dataOf(
      await q(
        admin,
        `{ firmCreditBonuses(period: "2023-Q3") { firmId creditCode tier tierLabel bonusScore points tierPoints
                        announcedTier sequence ruleVersion
                        firm { creditBonus(period: "2023-Q3") { tier } creditPoints(period: "2023-07") } } }`,
      ),
    ).firmCreditBonuses.find((b: any) => b.firmId === firm);
    expect(bonus).toEqual({
      firmId: firm,
      creditCode,
      tier: 'C',
      tierLabel: '党建信用C级',
      bonusScore: 1,
      points: 950,
      tierPoints: 950,
      announcedTier: 'C',
      sequence: 3,
      ruleVersion: 'v1',
      firm: { creditBonus: { tier: 'C' }, creditPoints: 950 },
    });

    // Organization.creditBonus: the gateway first asks the organizations subgraph for the
    // organization's constructionFirm (@requires); here the subgraph gets that representation.
    const claims = {
      sub: 'test-admin',
      role: 'ADMIN' as const,
      exp: Math.floor(Date.now() / 1000) + 60,
    };
    const entities = await request(stack.app('credit').baseUrl)
      .post('/graphql')
      .set(CLAIMS_HEADER, signClaims(claims, claimsSecretFromEnv()))
      .send({
        query: `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Organization { creditBonus(period: "2023-Q3") { firmId tier bonusScore } } } }`,
        variables: {
          r: [
            { __typename: 'Organization', id: newId(), constructionFirm: { id: firm } },
            { __typename: 'Organization', id: b1, constructionFirm: null },
          ],
        },
      });
    expect(entities.body).toEqual({
      data: {
        _entities: [
          { creditBonus: { firmId: firm, tier: 'C', bonusScore: 1 } },
          { creditBonus: null },
        ],
      },
    });
  });

  it('ranks members monthly and organizations quarterly within a subtree, and writes letters once', async () => {
    const ranking = dataOf(
      await q(
        tokenFor('ORG_ADMIN', street),
        `query($w: ID!) { rankings(kind: MEMBER, period: "2023-06", within: $w, first: 10) { totalCount edges { node {
           rank points accountId member { id points(period: "2023-06") rank(period: "2023-06", within: $w) { rank participants } } } } } }`,
        { w: community },
      ),
    ).rankings;
    expect(ranking.totalCount).toBe(5);
    expect(ranking.edges.map((e: any) => [e.node.accountId, e.node.rank, e.node.points])).toEqual([
      [m5, 1, 20],
      ...[m1, m3, m4].sort().map((m) => [m, 2, 10]),
      [m2, 5, 0],
    ]);
    expect(ranking.edges[0].node.member).toEqual({
      id: m5,
      points: 20,
      rank: { rank: 1, participants: 5 },
    });

    const orgs = dataOf(
      await q(
        admin,
        `query($w: ID!) { rankings(kind: ORGANIZATION, period: "2023-Q2", within: $w) { edges { node { rank points organization { id points(period: "2023-Q2") } } } } }`,
        { w: district },
      ),
    ).rankings.edges.map((e: any) => [e.node.organization.id, e.node.rank, e.node.points]);
    expect(orgs).toEqual([
      [unit, 1, 32],
      [b1, 2, 6],
      [b2, 3, 4],
      [temp, 4, 0],
    ]);

    const outside = await q(
      tokenFor('ORG_ADMIN', b2),
      `query($w: ID!) { rankings(kind: MEMBER, period: "2023-06", within: $w) { totalCount } }`,
      { w: community },
    );
    expect(errorCode(outside)).toBe('FORBIDDEN');

    const generate = () =>
      q(
        tokenFor('ORG_ADMIN', district),
        `mutation($o: ID!) { generateLetters(period: "2023-06", organizationId: $o) {
          id recipientKind participants thankYouCount reminderCount letters(first: 20) { edges { node { kind kindLabel title body rank points recipientId member { id } } } } } }`,
        { o: community },
      );
    const first = dataOf(await generate()).generateLetters;
    expect(first).toMatchObject({
      recipientKind: 'MEMBER',
      participants: 5,
      thankYouCount: 4,
      reminderCount: 1,
    });
    const reminder = first.letters.edges.find((e: any) => e.node.kind === 'REMINDER').node;
    expect(reminder).toMatchObject({
      kindLabel: '提醒函',
      title: '提醒函',
      recipientId: m2,
      rank: 5,
      points: 0,
      member: { id: m2 },
    });
    expect(reminder.body).toContain('2023年6月');
    expect(reminder.body).toContain('测试社区党委5名党员中位列第5名');
    const second = dataOf(await generate()).generateLetters;
    expect(second).toEqual(first);
    expect(await db.collection('letters').countDocuments({})).toBe(5);
  });

  it('never overspends under concurrent orders, and refunds a cancellation once', async () => {
    const addItem = async (code: string, pricePoints: number, stock: number) =>
      dataOf(
        await q(
          admin,
          `mutation($i: AddCatalogueItemInput!) { addCatalogueItem(input: $i) { id name stock categoryLabel } }`,
          {
            i: {
              communityId: community,
              code,
              name: code === 'RICE' ? '大米（5kg）' : '毛巾',
              category: 'GOODS',
              unit: '袋',
              pricePoints,
              stock,
            },
          },
        ),
      ).addCatalogueItem.id as string;
    const rice = await addItem('RICE', 50, 3);
    const towel = await addItem('TOWEL', 40, 100);
    const member = tokenFor('MEMBER', b1, m1);
    const available = async () =>
      dataOf(
        await q(member, `query($a: AccountInput!) { creditAccount(account: $a) { available } }`, {
          a: { kind: 'MEMBER', id: m1 },
        }),
      ).creditAccount.available;
    expect(await available()).toBe(210);

    const order = (itemId: string) =>
      q(
        member,
        `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id state totalPoints } }`,
        { i: { itemId, quantity: 1 } },
      );
    const riceOrders = await Promise.all(Array.from({ length: 10 }, () => order(rice)));
    expect(riceOrders.filter((r) => !r.errors).length).toBe(3); // stock
    expect(riceOrders.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(7);
    expect(await available()).toBe(60);
    const towelOrders = await Promise.all(Array.from({ length: 10 }, () => order(towel)));
    expect(towelOrders.filter((r) => !r.errors).length).toBe(1); // points: 60 buys one
    expect(await available()).toBe(20);
    const wallet = await db.collection('wallets').findOne({ _id: `MEMBER:${m1}` as any });
    expect(wallet).toMatchObject({ available: 20, earned: 210, spent: 190, pending: [] });

    const placed = dataOf(riceOrders.find((r) => !r.errors)!).placeOrder.id;
    const cancel = () =>
      q(member, `mutation($id: ID!) { cancelOrder(id: $id) { state stateLabel } }`, { id: placed });
    expect(dataOf(await cancel()).cancelOrder).toEqual({
      state: 'CANCELLED',
      stateLabel: '已取消',
    });
    expect(dataOf(await cancel()).cancelOrder.state).toBe('CANCELLED');
    expect(await available()).toBe(70);
    const spends = await db
      .collection('ledger_entries')
      .find({ account: `MEMBER:${m1}`, kind: { $in: ['SPEND', 'REFUND'] } })
      .toArray();
    expect(spends.map((e) => e.points).sort((a, b) => a - b)).toEqual([-50, -50, -50, -40, 50]);
    const stock = dataOf(
      await q(
        member,
        `query($c: ID!) { catalogue(communityId: $c) { edges { node { code stock } } } }`,
        { c: community },
      ),
    ).catalogue.edges;
    expect(stock.map((e: any) => e.node)).toEqual([
      { code: 'RICE', stock: 1 },
      { code: 'TOWEL', stock: 99 },
    ]);
  });

  it('credits a station operator once per visit, by the version in force at the visit', async () => {
    // Visits of one station share its key, so they are applied in the order published; the
    // event names the organization running the station at the time of the visit.
    const station = newId();
    const [operator, nextOperator] = [newId(), newId()];
    const august = (day: number) => `2023-08-${String(day).padStart(2, '0')}T12:00:00+08:00`;
    const before = await points('ORGANIZATION', operator, '2023-08');
    const visits = [
      stationVisitEvent({ stationId: station, operatorId: operator, visitedAt: august(5) }),
      stationVisitEvent({ stationId: station, operatorId: operator, visitedAt: august(6) }),
    ];
    await publish(producer, [...visits, visits[0]]);
    await eventually(async () =>
      expect(await points('ORGANIZATION', operator, '2023-08')).toBe(before + 2),
    );
    const entries = dataOf(
      await q(
        admin,
        `query($a: AccountInput!) { ledgerEntries(account: $a, first: 10) { totalCount edges { node {
           kind role roleLabel points requestedPoints capped ruleVersion month sourceEventId visitId claimId } } } }`,
        { a: { kind: 'ORGANIZATION', id: operator } },
      ),
    ).ledgerEntries;
    const bySource = (a: { sourceEventId: string }, b: { sourceEventId: string }) =>
      a.sourceEventId.localeCompare(b.sourceEventId);
    expect(entries.totalCount).toBe(2);
    expect(entries.edges.map((e: any) => e.node).sort(bySource)).toEqual(
      visits
        .map((v) => ({
          kind: 'EARN',
          role: 'STATION_OPERATOR',
          roleLabel: '驿站运营党组织',
          points: 1,
          requestedPoints: 1,
          capped: false,
          ruleVersion: 'v1',
          month: '2023-08',
          sourceEventId: v.id,
          visitId: v.data.visitId,
          claimId: null,
        }))
        .sort(bySource),
    );

    // A version that gives operators nothing, from a minute on.
    const effectiveFrom = new Date(Date.now() + 65_000);
    const noVisits = {
      version: `v1-novisits-${stack.run}`,
      effectiveFrom: effectiveFrom.toISOString(),
      description: '爱心驿站服务不再计分',
      memberPoints: { basis: 'TASK' },
      organizationClaimPoints: { basis: 'TASK' },
      branchShare: { mode: 'FRACTION', value: 0.2 },
      unitShare: { mode: 'FRACTION', value: 0.2 },
      firmShare: { mode: 'FRACTION', value: 0.5 },
      stationVisitPoints: { operator: 0 },
      monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
      firmBonusTiers: [
        { tier: 'A', label: '党建信用A级', minPoints: 3000, bonusScore: 3 },
        { tier: 'B', label: '党建信用B级', minPoints: 1000, bonusScore: 2 },
        { tier: 'C', label: '党建信用C级', minPoints: 300, bonusScore: 1 },
      ],
      letters: { memberTop: 10, memberBottom: 10, organizationTop: 5, organizationBottom: 5 },
    };
    const negative = await publishRules(admin, {
      ...noVisits,
      stationVisitPoints: { operator: -1 },
    });
    expect([errorCode(negative), errorFields(negative)]).toEqual([
      'BAD_USER_INPUT',
      ['input.stationVisitPoints.operator'],
    ]);
    expect(dataOf(await publishRules(admin, noVisits)).publishCreditRules.version).toBe(
      noVisits.version,
    );
    const versions = dataOf(
      await q(admin, '{ creditRules { version stationVisitPoints { operator } } }'),
    ).creditRules.map((r: any) => [r.version, r.stationVisitPoints.operator]);
    expect(versions).toEqual(
      expect.arrayContaining([
        ['v1', 1],
        [noVisits.version, 0],
      ]),
    );

    // After it, a visit earns nothing; the station's next visit (handed over to another
    // operator, dated under v1) is applied after it, so once that one counts, this one is done.
    const later = stationVisitEvent({
      stationId: station,
      operatorId: operator,
      visitedAt: new Date(effectiveFrom.getTime() + 1000).toISOString(),
    });
    const handedOver = stationVisitEvent({
      stationId: station,
      operatorId: nextOperator,
      visitedAt: august(20),
    });
    await publish(producer, [later, handedOver]);
    await eventually(async () => expect(await points('ORGANIZATION', nextOperator)).toBe(1));
    expect(await points('ORGANIZATION', operator)).toBe(before + 2);
    expect(await db.collection('ledger_entries').countDocuments({ sourceEventId: later.id })).toBe(
      0,
    );
    expect(
      await db.collection('ledger_applications').findOne({ _id: later.id as any }),
    ).toMatchObject({
      kind: 'STATION_VISIT',
      visitId: later.data.visitId,
      state: 'DONE',
      entries: [],
    });
  });

  it('applies a rule version from its effective date only, never to past entries', async () => {
    const effectiveFrom = new Date(Date.now() + 65_000);
    const v2 = {
      version: `v2-${stack.run}`,
      effectiveFrom: effectiveFrom.toISOString(),
      description: '按服务时长积分',
      memberPoints: { basis: 'HOURS', pointsPerHour: 4 },
      organizationClaimPoints: { basis: 'TASK' },
      branchShare: { mode: 'FIXED', value: 1 },
      unitShare: { mode: 'NONE' },
      firmShare: { mode: 'FRACTION', value: 0.5 },
      monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
      firmBonusTiers: [{ tier: 'A', label: 'A级', minPoints: 100, bonusScore: 3 }],
      letters: { memberTop: 3, memberBottom: 3, organizationTop: 3, organizationBottom: 3 },
      // Only the kinds that change; the others keep their default points.
      meetingPoints: {
        perKind: [
          { kind: 'PARTY_LECTURE', points: 5 },
          { kind: 'THEME_PARTY_DAY', points: 4 },
        ],
        branchShare: { mode: 'FIXED', value: 2 },
        firmShare: { mode: 'NONE' },
        memberMonthlyCap: 30,
      },
      bonuses: {
        fiveStarRating: 120,
        jointProjectCompleted: 0,
        firmTierCountsJointBuilding: false,
      },
      householdVisitPoints: { member: 3, branchShare: { mode: 'NONE' } },
    };
    expect(
      errorCode(await publishRules(admin, { ...v2, effectiveFrom: new Date().toISOString() })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await publishRules(tokenFor('ORG_ADMIN', district), v2))).toBe('FORBIDDEN');
    // Bad points are named by where the caller put them, a kind by its place in the list.
    const bad = await publishRules(admin, {
      ...v2,
      meetingPoints: {
        ...v2.meetingPoints,
        perKind: [...v2.meetingPoints.perKind, { kind: 'PARTY_GROUP_MEETING', points: -1 }],
      },
      bonuses: { ...v2.bonuses, jointProjectCompleted: -5 },
      householdVisitPoints: { member: -2, branchShare: { mode: 'FRACTION', value: 0.5 } },
    });
    expect([errorCode(bad), errorFields(bad)]).toEqual([
      'BAD_USER_INPUT',
      [
        'input.bonuses.jointProjectCompleted',
        'input.householdVisitPoints.member',
        'input.meetingPoints.perKind.2.points',
      ],
    ]);
    expect(dataOf(await publishRules(admin, v2)).publishCreditRules.version).toBe(v2.version);
    const published = dataOf(
      await q(
        admin,
        `{ creditRules { version
           meetingPoints { perKind { kind kindLabel points } branchShare { mode modeLabel value }
                           firmShare { mode value } memberMonthlyCap }
           bonuses { fiveStarRating jointProjectCompleted firmTierCountsJointBuilding }
           householdVisitPoints { member branchShare { mode modeLabel value } } } }`,
      ),
    ).creditRules;
    const byVersion = (version: string) => published.find((r: any) => r.version === version);
    expect(byVersion(v2.version)).toEqual({
      version: v2.version,
      meetingPoints: {
        perKind: [
          { kind: 'BRANCH_GENERAL_MEETING', kindLabel: '支部党员大会', points: 3 },
          { kind: 'BRANCH_COMMITTEE_MEETING', kindLabel: '支部委员会', points: 2 },
          { kind: 'PARTY_GROUP_MEETING', kindLabel: '党小组会', points: 2 },
          { kind: 'PARTY_LECTURE', kindLabel: '党课', points: 5 },
          { kind: 'THEME_PARTY_DAY', kindLabel: '主题党日', points: 4 },
          { kind: 'ORGANIZATIONAL_LIFE_MEETING', kindLabel: '组织生活会', points: 3 },
        ],
        branchShare: { mode: 'FIXED', modeLabel: '固定积分', value: 2 },
        firmShare: { mode: 'NONE', value: 0 },
        memberMonthlyCap: 30,
      },
      bonuses: v2.bonuses,
      householdVisitPoints: {
        member: 3,
        branchShare: { mode: 'NONE', modeLabel: '不计分', value: 0 },
      },
    });
    // v1 carries the defaults a version published without them gets.
    expect(byVersion('v1').householdVisitPoints).toEqual({
      member: 2,
      branchShare: { mode: 'FIXED', modeLabel: '固定积分', value: 1 },
    });
    expect(byVersion('v1').bonuses).toEqual({
      fiveStarRating: 100,
      jointProjectCompleted: 50,
      firmTierCountsJointBuilding: true,
    });

    const reviewedAt = new Date(effectiveFrom.getTime() + 60_000).toISOString();
    const later = checkIn({
      memberId: m2,
      communityId: community,
      taskPoints: 10,
      durationMinutes: 90,
      reviewedAt,
    });
    const past = checkIn({
      memberId: m2,
      communityId: community,
      taskPoints: 10,
      reviewedAt: '2023-06-25T10:00:00+08:00',
    });
    await publish(producer, [later, past]);
    await eventually(async () => expect(await points('MEMBER', m2, '2023-06')).toBe(10));
    await eventually(async () =>
      expect(
        await db.collection('ledger_entries').countDocuments({ sourceEventId: later.id }),
      ).toBe(2),
    );
    const entries = await db
      .collection('ledger_entries')
      .find({ sourceEventId: { $in: [later.id, past.id] } })
      .toArray();
    expect(
      entries
        .map((e) => [
          e.sourceEventId === later.id ? 'later' : 'past',
          e.role,
          e.points,
          e.ruleVersion,
        ])
        .sort(),
    ).toEqual([
      ['later', 'BRANCH', 1, v2.version],
      ['later', 'MEMBER', 6, v2.version],
      ['past', 'BRANCH', 2, 'v1'],
      ['past', 'MEMBER', 10, 'v1'],
    ]);
  });

  it('dead-letters a poison message and keeps consuming', async () => {
    await producer.send(Topics.volunteeringCheckins, [
      { key: 'poison', value: '{"specversion":"1.0","not":"a check-in"}' },
    ]);
    const invalid = checkIn({
      memberId: m1,
      communityId: community,
      taskPoints: 5,
      reviewedAt: '2023-08-01T10:00:00+08:00',
    });
    // Valid by the schema, impossible by meaning: a member claim without a member.
    (invalid.data as any).memberId = null;
    const after = checkIn({
      memberId: m2,
      communityId: community,
      taskPoints: 5,
      reviewedAt: '2023-08-01T10:00:00+08:00',
    });
    await producer.send(Topics.volunteeringCheckins, [
      { key: invalid.subject, value: JSON.stringify(invalid) },
    ]);
    await publish(producer, [after]);
    const dead = await dlqProbe.waitFor(
      (messages) =>
        messages.filter(
          (m) => m.headers?.['x-dlq-consumer-group']?.toString() === consumerGroups(prefix).ledger,
        ).length >= 2,
    );
    const ours = dead.filter(
      (m) => m.headers?.['x-dlq-consumer-group']?.toString() === consumerGroups(prefix).ledger,
    );
    expect(ours.map((m) => m.headers?.['x-dlq-error']?.toString()).sort()).toEqual([
      expect.stringMatching(/^EventValidationError: Invalid CloudEvent/),
      expect.stringMatching(/^InvalidCheckInError: .*without memberId/),
    ]);
    await eventually(async () => expect(await points('MEMBER', m2, '2023-08')).toBe(5));
  });

  it('rebuilds the same balances from the topics (replay command)', async () => {
    expect(errorCode(await q(tokenFor('ORG_ADMIN', district), '{ balanceHash { hash } }'))).toBe(
      'FORBIDDEN',
    );
    const { result, live } = await replayAgainstLive({
      kafka,
      dbName,
      prefix,
      startOffsets: stack.startOffsets,
      balanceHash: async () =>
        dataOf(await q(admin, '{ balanceHash { hash accountMonths wallets firmTiers } }'))
          .balanceHash,
    });
    expect(result.differences ?? []).toEqual([]);
    expect(result.same).toBe(true);
    expect(result.live.hash).toBe(live.hash);
    expect(result.replay).toMatchObject({
      hash: live.hash,
      accountMonths: live.accountMonths,
      // The firm's 2023-Q3 and 2023-Q4.
      firmTiers: 2,
    });
  }, 400_000);
});
