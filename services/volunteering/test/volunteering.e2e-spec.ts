import mongoose from 'mongoose';
import type { KafkaMessage } from 'kafkajs';
import { shanghaiMonth } from '@jiceng/calendar';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  tokenFor,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';
import { signCheckInToken } from '../src/check-in/qr-token';

// The volunteering subgraph with the organizations subgraph and the gateway, each its own process
// over the real broker and Mongo-wire server. Organizations reach volunteering only as events
// (its org_nodes projection); members are plain ids in the tokens (claims.memberId).

const QR_SECRET = 'e2e-qr-secret';
const PLACE = { longitude: 116.8388, latitude: 38.3037 }; // 沧州 运河区
const NEAR = { longitude: 116.8388, latitude: 38.3046 }; // ~100 m north
const FAR = { longitude: 116.8388, latitude: 38.3137 }; // ~1.1 km north
const CLAIM_FIELDS = `id state stateLabel claimantKind memberId organizationId durationMinutes
  checkIn { at recordedBy evidence { kind kindLabel detail distanceMeters } }
  checkOut { at evidence { kind } }
  review { decision decisionLabel reason }`;

const objectId = () => new mongoose.Types.ObjectId().toHexString();
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe('volunteering through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'v',
    services: ['organizations', 'volunteering'],
    env: { volunteering: { QR_SECRET } },
    tree: YUNHE_SAMPLE,
    probes: [Topics.volunteeringCheckins],
  });
  const { org, q } = stack;
  const db = () => stack.db('volunteering');
  const probe = () => stack.probe(Topics.volunteeringCheckins);

  const publish = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: PublishVolunteerTaskInput!) { publishVolunteerTask(input: $input) {
        id slots claimedSlots remainingSlots categoryLabel audienceLabel status
        place { type coordinates radiusMeters } } }`,
      {
        input: {
          communityId: org.communityA,
          title: '防诈骗宣传进社区',
          category: 'ANTI_FRAUD',
          audience: 'BOTH',
          slots: 10,
          place: PLACE,
          address: '运河区朝阳社区党群服务中心',
          radiusMeters: 200,
          startsAt: minutes(-10),
          endsAt: minutes(120),
          points: 5,
          ...input,
        },
      },
    );
  const claimTask = (token: string, taskId: string, organizationId?: string) =>
    q(
      token,
      `mutation($input: ClaimVolunteerTaskInput!) { claimVolunteerTask(input: $input) { ${CLAIM_FIELDS} } }`,
      { input: { taskId, organizationId } },
    );
  const checkIn = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: VolunteerAttendanceInput!) { volunteerCheckIn(input: $input) { ${CLAIM_FIELDS} } }`,
      { input },
    );
  const checkOut = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: VolunteerAttendanceInput!) { volunteerCheckOut(input: $input) { ${CLAIM_FIELDS} } }`,
      { input },
    );
  const REVIEW_INPUTS = {
    approveClaim: 'ApproveClaimInput',
    rejectClaim: 'RejectClaimInput',
    revokeClaimApproval: 'RevokeClaimApprovalInput',
  } as const;
  const review = (
    token: string,
    mutation: keyof typeof REVIEW_INPUTS,
    input: Record<string, unknown>,
  ) =>
    q(
      token,
      `mutation($input: ${REVIEW_INPUTS[mutation]}!) { ${mutation}(input: $input) { ${CLAIM_FIELDS} } }`,
      { input },
    );
  const issueToken = (token: string, taskId: string) =>
    q(token, 'mutation($t: ID!) { issueCheckInToken(taskId: $t) { taskId token expiresAt } }', {
      t: taskId,
    });
  const storedClaim = (id: string) =>
    db()
      .collection('claims')
      .findOne({ _id: new mongoose.Types.ObjectId(id) });
  const eventsFor = (messages: KafkaMessage[], claimId: string, type: string) =>
    messages
      .map((m) => JSON.parse(String(m.value)))
      .filter((e) => e.subject === claimId && e.type === type);

  // Tokens: the street's admin administers community A; community B's admin does not.
  let streetAdmin: string;
  let communityBAdmin: string;
  let unitAdmin: string;
  const memberId = objectId();
  let member: string;
  beforeAll(() => {
    streetAdmin = tokenFor('ORG_ADMIN', org.streetA);
    communityBAdmin = tokenFor('ORG_ADMIN', org.communityB);
    unitAdmin = tokenFor('ORG_ADMIN', org.unit);
    member = tokenFor('MEMBER', org.unit, memberId);
  });

  // A claim of its own for a test that walks one claim through its steps: on a task in community
  // B (whose admin publishes and reviews it; street A's admin is the outsider), by a member of its
  // own, so that community A's tasks and the suite member's claims stay as the other tests leave them.
  const ownClaim = async () => {
    const owner = communityBAdmin;
    const task = dataOf(await publish(owner, { communityId: org.communityB })).publishVolunteerTask;
    const memberId = objectId();
    const token = tokenFor('MEMBER', org.unit, memberId);
    const claim = dataOf(await claimTask(token, task.id)).claimVolunteerTask;
    return {
      taskId: task.id as string,
      claimId: claim.id as string,
      memberId,
      token,
      owner,
      outsider: streetAdmin,
    };
  };
  const checkedOutClaim = async () => {
    const c = await ownClaim();
    const { token } = dataOf(await issueToken(c.owner, c.taskId)).issueCheckInToken;
    dataOf(await checkIn(c.token, { claimId: c.claimId, qrToken: token, position: NEAR }));
    dataOf(await checkOut(c.token, { claimId: c.claimId, position: NEAR }));
    return c;
  };
  const approvedClaim = async () => {
    const c = await checkedOutClaim();
    dataOf(await review(c.owner, 'approveClaim', { claimId: c.claimId }));
    return c;
  };

  let taskId: string;
  let memberClaimId: string;
  let winner: { token: string; claimId: string; memberId: string };
  let unitClaimId: string;

  it('publishes a task for a community, only by its admins and only in a community', async () => {
    const notCommunity = await publish(streetAdmin, { communityId: org.gridA });
    expect(errorCode(notCommunity)).toBe('BAD_USER_INPUT');
    expect(errorFields(notCommunity)).toEqual(['input.communityId']);
    const backwards = await publish(streetAdmin, { startsAt: minutes(60), endsAt: minutes(30) });
    expect(errorFields(backwards)).toEqual(['input.endsAt']);
    const foreign = await publish(communityBAdmin, {});
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    expect(foreign.data).toBeNull();

    const task = dataOf(await publish(streetAdmin, {})).publishVolunteerTask;
    expect(task).toMatchObject({
      slots: 10,
      claimedSlots: 0,
      remainingSlots: 10,
      categoryLabel: '防诈骗宣传',
      audienceLabel: '面向党组织和党员',
      status: 'PUBLISHED',
      place: { type: 'Point', coordinates: [PLACE.longitude, PLACE.latitude], radiusMeters: 200 },
    });
    taskId = task.id;
    expect(await db().collection('volunteer_tasks').countDocuments()).toBe(1);
  });

  it('lets a member claim for itself and an organization through its ORG_ADMIN, once each', async () => {
    const mine = dataOf(await claimTask(member, taskId)).claimVolunteerTask;
    expect(mine).toMatchObject({ state: 'CLAIMED', claimantKind: 'MEMBER', memberId });
    memberClaimId = mine.id;
    const again = await claimTask(member, taskId);
    expect(errorCode(again)).toBe('CONFLICT');

    const theirs = dataOf(await claimTask(unitAdmin, taskId)).claimVolunteerTask;
    expect(theirs).toMatchObject({ claimantKind: 'ORGANIZATION', organizationId: org.unit });
    unitClaimId = theirs.id;

    const board = dataOf(
      await q(
        member,
        '{ claimableVolunteerTasks(first: 100) { edges { node { id remainingSlots } } } }',
      ),
    ).claimableVolunteerTasks.edges.map((e: any) => e.node);
    expect(board).toContainEqual({ id: taskId, remainingSlots: 8 });
  });

  it('refuses check-ins without valid evidence, naming the field, and writes nothing', async () => {
    const c = await ownClaim();
    const expired = signCheckInToken(c.taskId, new Date(Date.now() - 1000), QR_SECRET);
    const stale = await checkIn(c.token, { claimId: c.claimId, qrToken: expired });
    expect(errorCode(stale)).toBe('BAD_USER_INPUT');
    expect(errorFields(stale)).toEqual(['input.qrToken']);
    expect(stale.errors?.[0].message).toMatch(/has expired/);

    const forged = signCheckInToken(c.taskId, new Date(Date.now() + 60_000), 'not-the-secret');
    expect(errorFields(await checkIn(c.token, { claimId: c.claimId, qrToken: forged }))).toEqual([
      'input.qrToken',
    ]);

    const outside = await checkIn(c.token, { claimId: c.claimId, position: FAR });
    expect(errorFields(outside)).toEqual(['input.position']);
    expect(outside.errors?.[0].message).toMatch(
      /outside the geofence: \d+(\.\d)? m .*radius 200 m/,
    );

    expect(
      errorFields(await checkIn(c.token, { claimId: c.claimId, qrToken: expired, position: FAR })),
    ).toEqual(['input.position', 'input.qrToken']);
    expect(errorFields(await checkIn(c.token, { claimId: c.claimId }))).toEqual([
      'input.position',
      'input.qrToken',
    ]);

    // Someone else's claim is not theirs to check in.
    const intruder = tokenFor('MEMBER', org.unit, objectId());
    expect(errorCode(await checkIn(intruder, { claimId: c.claimId, position: NEAR }))).toBe(
      'FORBIDDEN',
    );

    const stored = await storedClaim(c.claimId);
    expect(stored).toMatchObject({ state: 'CLAIMED', checkIn: null });
  });

  it('refuses a check-in outside the task window, even with a valid code', async () => {
    const later = dataOf(
      await publish(streetAdmin, {
        title: '迎七一文艺演出秩序维护',
        category: 'PERFORMANCE_ORDER',
        startsAt: minutes(24 * 60),
        endsAt: minutes(24 * 60 + 120),
      }),
    ).publishVolunteerTask;
    const claim = dataOf(await claimTask(member, later.id)).claimVolunteerTask;
    const { token } = dataOf(await issueToken(streetAdmin, later.id)).issueCheckInToken;
    const early = await checkIn(member, { claimId: claim.id, qrToken: token, position: NEAR });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(errorFields(early)).toEqual(['input.claimId']);
    expect(early.errors?.[0].message).toMatch(/cannot check in now: check-in opens at/);
    expect(await storedClaim(claim.id)).toMatchObject({ state: 'CLAIMED', checkIn: null });

    // A token of one task never checks anyone in to another.
    const other = await checkIn(member, { claimId: memberClaimId, qrToken: token });
    expect(other.errors?.[0].extensions?.fields[0].message).toMatch(/issued for another task/);
  });

  it('checks in with the rotating QR code and the position, once, then checks out', async () => {
    const c = await ownClaim();
    expect(errorCode(await issueToken(c.outsider, c.taskId))).toBe('FORBIDDEN');
    const issued = dataOf(await issueToken(c.owner, c.taskId)).issueCheckInToken;
    const ttl = Date.parse(issued.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);

    const checkedIn = dataOf(
      await checkIn(c.token, { claimId: c.claimId, qrToken: issued.token, position: NEAR }),
    ).volunteerCheckIn;
    expect(checkedIn.state).toBe('CHECKED_IN');
    expect(checkedIn.checkIn.evidence.map((e: any) => e.kind)).toEqual(['QR_TOKEN', 'GEOFENCE']);
    expect(checkedIn.checkIn.evidence[1]).toMatchObject({ kindLabel: '定位签到' });
    expect(checkedIn.checkIn.evidence[1].distanceMeters).toBeGreaterThan(90);
    expect(checkedIn.checkIn.evidence[1].distanceMeters).toBeLessThan(110);

    const twice = await checkIn(c.token, { claimId: c.claimId, position: NEAR });
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0].message).toMatch(/second check-in is refused/);

    // Approval needs a completed claim.
    expect(errorCode(await review(c.owner, 'approveClaim', { claimId: c.claimId }))).toBe(
      'CONFLICT',
    );

    const out = dataOf(
      await checkOut(c.token, { claimId: c.claimId, position: NEAR }),
    ).volunteerCheckOut;
    expect(out.state).toBe('CHECKED_OUT');
    expect(out.checkOut.evidence).toEqual([{ kind: 'GEOFENCE' }]);
    expect(out.durationMinutes).toBeGreaterThanOrEqual(0);
  });

  it('approves once: exactly one approved event, a second approval is a CONFLICT', async () => {
    const c = await checkedOutClaim();
    expect(errorCode(await review(c.outsider, 'approveClaim', { claimId: c.claimId }))).toBe(
      'FORBIDDEN',
    );
    const approved = dataOf(
      await review(c.owner, 'approveClaim', { claimId: c.claimId, comment: '表现突出' }),
    ).approveClaim;
    expect(approved.review).toMatchObject({
      decision: 'APPROVED',
      decisionLabel: '通过',
      reason: '表现突出',
    });

    const again = await review(c.owner, 'approveClaim', { claimId: c.claimId });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/cannot be approved twice/);

    await probe().waitFor(
      (m) => eventsFor(m, c.claimId, 'jiceng.volunteering.checkin.approved').length > 0,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const events = eventsFor(probe().messages, c.claimId, 'jiceng.volunteering.checkin.approved');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: '/jiceng/volunteering',
      dataschema: 'urn:jiceng:schema:volunteering.checkins.v1',
      data: {
        claimId: c.claimId,
        taskId: c.taskId,
        communityId: org.communityB,
        claimantKind: 'MEMBER',
        memberId: c.memberId,
        organizationId: null,
        taskCategory: 'ANTI_FRAUD',
        taskPoints: 5,
        durationMinutes: approved.durationMinutes,
      },
    });
    expect((await storedClaim(c.claimId))?.outbox).toEqual([]);
  });

  it('records manual attendance by the organizer; a rejected claim earns nothing', async () => {
    const manualIn = `mutation($input: ManualAttendanceInput!) { manualVolunteerCheckIn(input: $input) { ${CLAIM_FIELDS} } }`;
    const manualOut = `mutation($input: ManualAttendanceInput!) { manualVolunteerCheckOut(input: $input) { ${CLAIM_FIELDS} } }`;
    expect(
      errorCode(
        await q(unitAdmin, manualIn, { input: { claimId: unitClaimId, reason: '手机没电' } }),
      ),
    ).toBe('FORBIDDEN');
    const inside = dataOf(
      await q(streetAdmin, manualIn, {
        input: { claimId: unitClaimId, reason: '手机没电，现场确认' },
      }),
    );
    expect(inside.manualVolunteerCheckIn.checkIn.evidence).toEqual([
      expect.objectContaining({
        kind: 'MANUAL',
        kindLabel: '组织者手工签到',
        detail: expect.stringMatching(/手机没电，现场确认/),
      }),
    ]);
    dataOf(
      await q(streetAdmin, manualOut, { input: { claimId: unitClaimId, reason: '现场确认签退' } }),
    );
    const rejected = dataOf(
      await review(streetAdmin, 'rejectClaim', {
        claimId: unitClaimId,
        reason: '未按要求完成宣传',
      }),
    ).rejectClaim;
    expect(rejected).toMatchObject({
      state: 'REJECTED',
      review: { decision: 'REJECTED', reason: '未按要求完成宣传' },
    });
    expect(errorCode(await review(streetAdmin, 'approveClaim', { claimId: unitClaimId }))).toBe(
      'CONFLICT',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      probe()
        .messages.map((m) => JSON.parse(String(m.value)))
        .filter((e) => e.subject === unitClaimId),
    ).toEqual([]);
  });

  it('revokes an approval with a reason and announces it', async () => {
    const c = await approvedClaim();
    const revoked = dataOf(
      await review(c.owner, 'revokeClaimApproval', {
        claimId: c.claimId,
        reason: '重复登记',
      }),
    ).revokeClaimApproval;
    expect(revoked.state).toBe('REVOKED');
    const [event] = await probe()
      .waitFor(
        (m) => eventsFor(m, c.claimId, 'jiceng.volunteering.checkin.approval-revoked').length > 0,
      )
      .then((m) => eventsFor(m, c.claimId, 'jiceng.volunteering.checkin.approval-revoked'));
    const [approval] = eventsFor(
      probe().messages,
      c.claimId,
      'jiceng.volunteering.checkin.approved',
    );
    expect(event.data).toEqual(approval.data);
  });

  it('never over-books: 30 concurrent claims on a 10-slot task, and withdrawal frees a slot', async () => {
    const task = dataOf(
      await publish(streetAdmin, {
        title: '核酸检测秩序维护',
        category: 'NUCLEIC_ACID_TESTING',
        audience: 'MEMBERS',
      }),
    ).publishVolunteerTask;
    const members = Array.from({ length: 30 }, () => tokenFor('MEMBER', org.unit, objectId()));
    const results = await Promise.all(members.map((token) => claimTask(token, task.id)));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(10);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(20);
    const stored = await db()
      .collection('volunteer_tasks')
      .findOne({ _id: new mongoose.Types.ObjectId(task.id) });
    expect(stored).toMatchObject({ remainingSlots: 0 });
    expect(stored?.holders).toHaveLength(10);
    expect(
      await db()
        .collection('claims')
        .countDocuments({ taskId: new mongoose.Types.ObjectId(task.id) }),
    ).toBe(10);

    // An organization cannot claim a members-only task.
    expect(errorFields(await claimTask(unitAdmin, task.id))).toEqual(['input.taskId']);

    const winnerToken = members[results.indexOf(won[0])];
    const withdrawn = dataOf(
      await q(
        winnerToken,
        'mutation($input: WithdrawClaimInput!) { withdrawClaim(input: $input) { state } }',
        {
          input: { claimId: won[0].data.claimVolunteerTask.id },
        },
      ),
    );
    expect(withdrawn.withdrawClaim.state).toBe('WITHDRAWN');
    const seats = dataOf(
      await q(
        streetAdmin,
        'query($id: ID!) { volunteerTask(id: $id) { claimedSlots remainingSlots } }',
        { id: task.id },
      ),
    );
    expect(seats.volunteerTask).toEqual({ claimedSlots: 9, remainingSlots: 1 });
    const newcomers = Array.from({ length: 5 }, () => tokenFor('MEMBER', org.unit, objectId()));
    const late = await Promise.all(newcomers.map((token) => claimTask(token, task.id)));
    expect(late.filter((r) => !r.errors)).toHaveLength(1);
    const claim = won[1].data.claimVolunteerTask;
    winner = {
      token: members[results.indexOf(won[1])],
      claimId: claim.id,
      memberId: claim.memberId,
    };
  });

  it("shows a member's claims and hours to itself, and nothing outside a caller's scope", async () => {
    const mine = dataOf(
      await q(
        member,
        `query($id: ID!) { volunteerClaim(id: $id) { id task { title } member { id claims(first: 10) { totalCount } hours: volunteerHours(period: "2023-06") } } }`,
        {
          id: memberClaimId,
        },
      ),
    ).volunteerClaim;
    expect(mine.member).toEqual({ id: memberId, claims: { totalCount: 2 }, hours: 0 });
    expect(mine.task.title).toBe('防诈骗宣传进社区');

    // Hours: approved service only, check-out − check-in, in the month (Asia/Shanghai).
    const month = shanghaiMonth(new Date());
    const manual = (mutation: string, input: object) =>
      q(
        streetAdmin,
        `mutation($input: ManualAttendanceInput!) { ${mutation}(input: $input) { durationMinutes } }`,
        { input },
      );
    dataOf(
      await manual('manualVolunteerCheckIn', {
        claimId: winner.claimId,
        reason: '现场签到',
        at: minutes(-9),
      }),
    );
    dataOf(
      await manual('manualVolunteerCheckOut', { claimId: winner.claimId, reason: '现场签退' }),
    );
    const { durationMinutes } = dataOf(
      await review(streetAdmin, 'approveClaim', { claimId: winner.claimId }),
    ).approveClaim;
    expect(durationMinutes).toBeGreaterThanOrEqual(8);
    const hours = dataOf(
      await q(
        winner.token,
        `query($id: ID!) { volunteerClaim(id: $id) { member { volunteerHours(period: "${month}") } } }`,
        { id: winner.claimId },
      ),
    ).volunteerClaim.member.volunteerHours;
    expect(hours).toBe(Math.round((durationMinutes / 60) * 100) / 100);

    // Out of scope: a lookup answers null as for an unknown id (existence stays hidden); lists
    // and statistics FORBIDDEN; no data either way.
    for (const [name, id] of [['volunteerClaim', memberClaimId]] as const) {
      const lookup = (of: string) =>
        q(communityBAdmin, `query($id: ID!) { ${name}(id: $id) { id } }`, { id: of });
      expect(await lookup(id)).toMatchObject({ data: { [name]: null }, errors: undefined });
      expect(await lookup(String(new mongoose.Types.ObjectId()))).toMatchObject({
        data: { [name]: null },
      });
    }
    for (const [query, variables] of [
      [
        'query($o: ID!) { volunteerClaims(organizationId: $o) { totalCount edges { node { id } } } }',
        { o: org.communityA },
      ],
      [
        'query($o: ID!) { serviceRequestStats(organizationId: $o, period: "2024") { accepted } }',
        { o: org.communityA },
      ],
      ['query($id: ID!) { volunteerTask(id: $id) { claims { totalCount } } }', { id: taskId }],
    ] as const) {
      const res = await q(communityBAdmin, query, variables);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toMatch(new RegExp(memberClaimId));
      expect(res.data === null || Object.values(res.data).every((v) => v === null)).toBe(true);
    }

    // Within scope through federation: the district's admin sees community A's tasks.
    const district = dataOf(
      await q(
        tokenFor('ORG_ADMIN', org.district),
        'query($id: ID!) { organization(id: $id) { name tasks { totalCount } } }',
        {
          id: org.communityA,
        },
      ),
    ).organization;
    expect(district).toEqual({ name: '朝阳社区党委', tasks: { totalCount: 3 } });
    const queue = dataOf(
      await q(
        streetAdmin,
        'query($o: ID!) { volunteerClaims(organizationId: $o, filter: { states: [REJECTED] }) { totalCount } }',
        {
          o: org.streetA,
        },
      ),
    );
    expect(queue.volunteerClaims.totalCount).toBe(1);
  });

  it('runs micro-wishes from collection to fulfilment, claimed by one member only', async () => {
    const collect = await q(
      streetAdmin,
      'mutation($input: CollectMicroWishInput!) { collectMicroWish(input: $input) { id state stateLabel wisherKindLabel } }',
      {
        input: {
          communityId: org.communityA,
          title: '想要一个新头盔',
          wisherKind: 'DELIVERY_RIDER',
        },
      },
    );
    const wish = dataOf(collect).collectMicroWish;
    expect(wish).toMatchObject({
      state: 'COLLECTED',
      stateLabel: '已征集',
      wisherKindLabel: '外卖骑手',
    });
    const claimWish =
      'mutation($input: ClaimMicroWishInput!) { claimMicroWish(input: $input) { state memberId } }';
    const other = tokenFor('MEMBER', org.unit, objectId());
    const [a, b] = await Promise.all([
      q(member, claimWish, { input: { id: wish.id } }),
      q(other, claimWish, { input: { id: wish.id } }),
    ]);
    expect([a, b].filter((r) => !r.errors)).toHaveLength(1);
    expect([a, b].filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(1);
    const winner = a.errors ? other : member;
    const fulfil =
      'mutation($input: FulfillMicroWishInput!) { fulfillMicroWish(input: $input) { state fulfillmentNote } }';
    expect(
      errorCode(
        await q(a.errors ? member : other, fulfil, { input: { id: wish.id, note: '已送达' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      dataOf(await q(winner, fulfil, { input: { id: wish.id, note: '头盔已送到驿站' } }))
        .fulfillMicroWish,
    ).toEqual({
      state: 'FULFILLED',
      fulfillmentNote: '头盔已送到驿站',
    });
    const stats = dataOf(
      await q(
        streetAdmin,
        'query($o: ID!) { microWishStats(organizationId: $o) { collected fulfilled fulfilledRate } }',
        { o: org.streetA },
      ),
    );
    expect(stats.microWishStats).toEqual({ collected: 1, fulfilled: 1, fulfilledRate: 1 });
  });

  it('runs the five-step service request loop with a working-day due date and overdue flags', async () => {
    const FIELDS =
      'id state stateLabel dueDate dueAt overdue closedAt satisfactionLabel history { state stateLabel }';
    const step = async (mutation: string, type: string, input: Record<string, unknown>) =>
      q(streetAdmin, `mutation($input: ${type}!) { ${mutation}(input: $input) { ${FIELDS} } }`, {
        input,
      });
    const reported = dataOf(
      await step('reportServiceRequest', 'ReportServiceRequestInput', {
        communityId: org.communityA,
        title: '楼道灯损坏',
        category: 'PUBLIC_FACILITIES',
        channel: 'MINI_PROGRAM',
        reportedAt: '2024-09-26T01:00:00Z',
      }),
    ).reportServiceRequest;
    expect(reported.stateLabel).toBe('采集上报');
    expect(
      errorCode(
        await step('closeServiceRequest', 'CloseServiceRequestInput', {
          id: reported.id,
          note: '已修复',
        }),
      ),
    ).toBe('CONFLICT');

    // Accepted Friday 2024-09-27: Sun 29 Sep (make-up workday) 1, Mon 30 Sep 2, 1–7 Oct off,
    // 8, 9, 10 Oct → due 2024-10-10, which passed long ago.
    const accepted = dataOf(
      await step('acceptServiceRequest', 'AcceptServiceRequestInput', {
        id: reported.id,
        at: '2024-09-27T02:00:00Z',
      }),
    ).acceptServiceRequest;
    expect(accepted).toMatchObject({
      state: 'ACCEPTED',
      dueDate: '2024-10-10',
      dueAt: '2024-10-10T16:00:00.000Z',
      overdue: true,
    });
    dataOf(
      await step('respondServiceRequest', 'RespondServiceRequestInput', {
        id: reported.id,
        response: '已联系物业更换灯泡',
      }),
    );
    dataOf(
      await step('closeServiceRequest', 'CloseServiceRequestInput', {
        id: reported.id,
        note: '回访确认已修复',
      }),
    );
    const evaluated = dataOf(
      await step('evaluateServiceRequest', 'EvaluateServiceRequestInput', {
        id: reported.id,
        satisfaction: 'SATISFIED',
      }),
    ).evaluateServiceRequest;
    expect(evaluated).toMatchObject({
      state: 'EVALUATED',
      overdue: true,
      satisfactionLabel: '满意',
    });
    expect(evaluated.history.map((h: any) => h.stateLabel)).toEqual([
      '采集上报',
      '审查受理',
      '处理反馈',
      '核查结案',
      '考核评价',
    ]);

    // Accepted now: due in five working days, not overdue.
    const fresh = dataOf(
      await step('reportServiceRequest', 'ReportServiceRequestInput', {
        communityId: org.communityA,
        title: '小区垃圾清运不及时',
        category: 'ENVIRONMENT',
        channel: 'GRID',
      }),
    ).reportServiceRequest;
    const due = dataOf(
      await step('acceptServiceRequest', 'AcceptServiceRequestInput', { id: fresh.id }),
    ).acceptServiceRequest;
    expect(due.overdue).toBe(false);
    expect(Date.parse(due.dueAt) - Date.now()).toBeGreaterThan(5 * 24 * 3600_000);

    const stats = dataOf(
      await q(
        streetAdmin,
        'query($o: ID!) { serviceRequestStats(organizationId: $o, period: "2024-Q3") { accepted closed closedRate satisfiedRate overdue } }',
        { o: org.streetA },
      ),
    ).serviceRequestStats;
    expect(stats).toEqual({ accepted: 1, closed: 1, closedRate: 1, satisfiedRate: 1, overdue: 1 });
    const overdue = dataOf(
      await q(
        streetAdmin,
        'query($id: ID!) { organization(id: $id) { serviceRequests(filter: { overdue: true }) { totalCount edges { node { id } } } } }',
        { id: org.communityA },
      ),
    ).organization.serviceRequests;
    expect(overdue).toEqual({ totalCount: 1, edges: [{ node: { id: reported.id } }] });
  });
});
