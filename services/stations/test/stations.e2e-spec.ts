import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { addDays, shanghaiDate, shanghaiInstant } from '@jiceng/calendar';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  mongoCommands,
  type OrgSpec,
  tokenFor,
  waitFor,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';

// The stations subgraph with the organizations subgraph and the gateway, each its own process
// over the real broker and Mongo-wire server. Organizations reach stations only as events (its
// org_nodes projection); members are plain ids.

const R = 6_371_008.8; // the mean Earth radius the service measures with
const CENTER = { longitude: 116.84, latitude: 38.3 }; // 沧州 运河区
const DEG = 180 / Math.PI;
// Known great-circle distances: a meridian arc is R·Δφ; a point on the same parallel is
// 2R·asin(cos φ · sin(Δλ/2)) away.
const north = (meters: number) => ({ ...CENTER, latitude: CENTER.latitude + (meters / R) * DEG });
const east = (meters: number) => ({
  ...CENTER,
  longitude:
    CENTER.longitude +
    2 * Math.asin(Math.sin(meters / (2 * R)) / Math.cos(CENTER.latitude / DEG)) * DEG,
});
const EVERY_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const DAYTIME = [{ weekdays: EVERY_DAY, opens: '08:00', closes: '20:00' }];
const SEVEN = [
  'WARMTH',
  'COOLING',
  'DRINKING_WATER',
  'RESTROOM',
  'REST',
  'MEAL_HEATING',
  'FIRST_AID',
];
const STATION_FIELDS = `id name kindLabel status statusLabel version openNow
  operator { id } location { type coordinates longitude latitude }
  openingHours { weekdays opens closes overnight } amenities amenityLabels services serviceLabels`;
const WORKER_FIELDS = `id pseudonym kind kindLabel platform platformLabel organization { id }
  mobileBranch { id } memberLink { memberId member { id } branch { id } }`;
const VISIT_FIELDS = `id clientVisitId day workerKind workerKindLabel platform services serviceLabels
  channel channelLabel station { id } worker { id }`;

const TAOCHENG: OrgSpec[] = [
  {
    key: 'taocheng',
    parent: 'province',
    name: '桃城区委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '131102',
  },
  {
    key: 'liangxin',
    parent: 'taocheng',
    name: '桃城区委两新工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'NON_PUBLIC_ENTERPRISE',
    regionCode: '131102',
  },
  {
    key: 'cheLun',
    parent: 'liangxin',
    name: '桃城区车轮支部',
    kind: 'MOBILE_BRANCH',
    sector: 'NEW_EMPLOYMENT',
    regionCode: '131102',
  },
];

const objectId = () => new mongoose.Types.ObjectId().toHexString();
/** The Shanghai date `days` from today, and an instant at a Shanghai wall-clock time on it. */
const shanghaiDay = (days: number) => addDays(shanghaiDate(new Date()), days);
const at = shanghaiInstant;

describe('stations through the gateway', () => {
  // Writes wake the relay at once; rare scans keep their reads out of the query counts.
  const stack = withSubgraphStack({
    tag: 's',
    services: ['organizations', 'stations'],
    env: { stations: { OUTBOX_SCAN_MS: '600000' } },
    tree: [...YUNHE_SAMPLE, ...TAOCHENG],
    probes: [Topics.stationsVisits],
  });
  const { org, q } = stack;
  const admin = stack.adminToken;
  const db = () => stack.db('stations');
  const probe = () => stack.probe(Topics.stationsVisits);

  const createStation = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: CreateStationInput!) { createStation(input: $input) { ${STATION_FIELDS} } }`,
      {
        input: {
          operatorId: org.communityA,
          name: '朝阳社区暖"新"驿站',
          kind: 'WARM_NEW',
          address: '运河区朝阳社区党群服务中心一层',
          location: CENTER,
          openingHours: DAYTIME,
          amenities: ['AIR_CONDITIONING', 'DRINKING_WATER', 'CHARGING'],
          services: SEVEN,
          ...input,
        },
      },
    );
  const nearby = (token: string, input: Record<string, unknown>, page = '') =>
    q(
      token,
      `query($input: NearbyStationsInput!) { nearbyStations(input: $input ${page}) {
        totalCount pageInfo { hasNextPage endCursor } edges { distanceMeters node { id name } } } }`,
      { input: { ...CENTER, radiusMeters: 5000, ...input } },
    );
  const changeStatus = (token: string, id: string, status: string, reason = '设备检修') =>
    q(
      token,
      `mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) {
        status statusLabel version statusHistory { status statusLabel reason changedBy changedAt } } }`,
      { input: { id, status, reason } },
    );
  const registerWorker = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { ${WORKER_FIELDS} } }`,
      { input },
    );
  const readWorker = (token: string, id: string) =>
    q(token, `query($id: ID!) { worker(id: $id) { ${WORKER_FIELDS} } }`, { id });
  const recordVisit = (token: string, input: Record<string, unknown>) =>
    q(
      token,
      `mutation($input: RecordStationVisitInput!) { recordStationVisit(input: $input) { ${VISIT_FIELDS} } }`,
      { input: { clientVisitId: randomUUID(), channel: 'STATION_TERMINAL', ...input } },
    );
  const visitStats = (token: string, organizationId: string, groupBy: string[], range?: object) =>
    q(
      token,
      `query($o: ID!, $g: [StationVisitDimension!], $from: String, $to: String, $period: String) {
        stationVisitStats(organizationId: $o, groupBy: $g, from: $from, to: $to, period: $period) {
          from to stations visits rows { day month stationId station { name } service serviceLabel
          workerKind workerKindLabel visits } } }`,
      { o: organizationId, g: groupBy, ...(range ?? { from: day1, to: shanghaiDay(0) }) },
    );

  // 运河区: street A with community A (its stations) and street B with community B (one station);
  // 桃城区: 两新工委 → 车轮支部, the mobile branch holding member M's membership.
  let streetAdmin: string;
  let communityAdmin: string;
  let operator: string;
  let streetBAdmin: string;
  let cheLunAdmin: string;
  let memberM: string;
  const memberId = objectId();
  const day1 = shanghaiDay(-2);
  const day2 = shanghaiDay(-1);
  const station: Record<string, string> = {};
  const worker: Record<string, string> = {};

  beforeAll(() => {
    streetAdmin = tokenFor('ORG_ADMIN', org.streetA);
    communityAdmin = tokenFor('ORG_ADMIN', org.communityA);
    operator = tokenFor('STATION_OPERATOR', org.communityA);
    streetBAdmin = tokenFor('ORG_ADMIN', org.streetB);
    cheLunAdmin = tokenFor('ORG_ADMIN', org.cheLun);
    memberM = tokenFor('MEMBER', org.cheLun, memberId);
  });

  it('creates and updates stations, naming each invalid field, for the operator’s admins only', async () => {
    const outOfRange = await createStation(streetAdmin, {
      location: { longitude: 200, latitude: 95 },
      name: 'x',
    });
    expect(errorCode(outOfRange)).toBe('BAD_USER_INPUT');
    expect(errorFields(outOfRange)).toEqual([
      'input.location.latitude',
      'input.location.longitude',
      'input.name',
    ]);
    const clash = await createStation(streetAdmin, {
      openingHours: [
        { weekdays: ['MONDAY'], opens: '20:00', closes: '06:00' },
        { weekdays: ['TUESDAY'], opens: '05:00', closes: '12:00' },
        { weekdays: ['FRIDAY'], opens: '8:00', closes: '12:00' },
      ],
    });
    expect(errorFields(clash)).toEqual([
      'input.openingHours.1.opens',
      'input.openingHours.2.opens',
    ]);
    expect(errorCode(await createStation(streetBAdmin, {}))).toBe('FORBIDDEN');
    expect(errorCode(await createStation(operator, {}))).toBe('FORBIDDEN');
    expect(await db().collection('stations').countDocuments()).toBe(0);

    // Stations at known distances from CENTER; s4 is open overnight, s5 just outside 5 km.
    const create = async (key: string, input: Record<string, unknown>) => {
      station[key] = dataOf(await createStation(streetAdmin, input)).createStation.id;
    };
    await create('s1', {
      name: '朝阳驿站',
      location: north(300),
      services: SEVEN.filter((s) => s !== 'FIRST_AID'),
    });
    await create('s2', {
      name: '运河驿站',
      location: north(-800),
      amenities: ['MICROWAVE', 'DRINKING_WATER', 'RESTROOM'],
    });
    await create('s3', { name: '清池驿站', location: east(1500) });
    const night = dataOf(
      await createStation(communityAdmin, {
        name: '夜间驿站',
        kind: 'CARING',
        location: north(1200),
        openingHours: [{ weekdays: EVERY_DAY, opens: '20:00', closes: '06:00' }],
      }),
    ).createStation;
    station.s4 = night.id;
    expect(night).toMatchObject({
      kindLabel: '爱心驿站',
      status: 'OPEN',
      statusLabel: '开放',
      operator: { id: org.communityA },
      location: { type: 'Point', coordinates: [north(1200).longitude, north(1200).latitude] },
      openingHours: [{ weekdays: EVERY_DAY, opens: '20:00', closes: '06:00', overnight: true }],
      serviceLabels: [
        '冷可取暖',
        '热可纳凉',
        '渴可喝水',
        '急可入厕',
        '累可歇脚',
        '饥可热饭',
        '伤可用药',
      ],
    });
    await create('s5', { name: '远郊驿站', location: north(5100) });
    await create('s6', { name: '临时驿站', location: east(-2000) });
    station.sB = dataOf(
      await createStation(streetBAdmin, {
        operatorId: org.communityB,
        name: '彩虹驿站',
        location: east(-3000),
      }),
    ).createStation.id;

    const renamed = await q(
      communityAdmin,
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { name version amenityLabels } }`,
      { input: { id: station.s3, name: '清池社区驿站', amenities: ['REPAIR_TOOLS', 'RAIN_GEAR'] } },
    );
    expect(dataOf(renamed).updateStation).toEqual({
      name: '清池社区驿站',
      version: 2,
      amenityLabels: ['修理工具', '雨衣雨伞'],
    });
    const badUpdate = await q(
      communityAdmin,
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`,
      {
        input: {
          id: station.s3,
          openingHours: [{ weekdays: ['SUNDAY'], opens: '09:00', closes: '09:00' }],
          services: ['WARMTH', 'WARMTH'],
        },
      },
    );
    expect(errorFields(badUpdate)).toEqual(['input.services']);
    const sameMinute = await q(
      communityAdmin,
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`,
      {
        input: {
          id: station.s3,
          openingHours: [{ weekdays: ['SUNDAY'], opens: '09:00', closes: '09:00' }],
        },
      },
    );
    expect(errorFields(sameMinute)).toEqual(['input.openingHours.0.closes']);
    const foreign = await q(
      streetBAdmin,
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`,
      { input: { id: station.s3, name: '改名' } },
    );
    expect(errorCode(foreign)).toBe('FORBIDDEN');
  });

  it('opens and closes a station with reasons in its history; closed is for good', async () => {
    const paused = dataOf(
      await changeStatus(operator, station.s6, 'TEMPORARILY_CLOSED'),
    ).changeStationStatus;
    expect(paused).toMatchObject({
      status: 'TEMPORARILY_CLOSED',
      statusLabel: '暂停开放',
      version: 2,
    });
    dataOf(await changeStatus(operator, station.s6, 'OPEN', '检修完毕'));
    const closed = dataOf(
      await changeStatus(communityAdmin, station.s6, 'CLOSED', '场地收回'),
    ).changeStationStatus;
    expect(closed.statusHistory.map((h: any) => [h.status, h.reason, h.changedBy])).toEqual([
      ['OPEN', '驿站建成开放', 'test-org_admin'],
      ['TEMPORARILY_CLOSED', '设备检修', 'test-station_operator'],
      ['OPEN', '检修完毕', 'test-station_operator'],
      ['CLOSED', '场地收回', 'test-org_admin'],
    ]);
    expect(errorCode(await changeStatus(communityAdmin, station.s6, 'OPEN', '重新开放'))).toBe(
      'CONFLICT',
    );
    expect(errorCode(await changeStatus(operator, station.s1, 'OPEN'))).toBe('CONFLICT');
    expect(errorCode(await changeStatus(streetBAdmin, station.s1, 'CLOSED'))).toBe('FORBIDDEN');

    // The station is public; who changed it is for the operator's subtree only.
    const seen = (token: string) =>
      q(token, 'query($id: ID!) { station(id: $id) { name status statusHistory { status } } }', {
        id: station.s6,
      });
    expect(dataOf(await seen(streetBAdmin)).station).toEqual({
      name: '临时驿站',
      status: 'CLOSED',
      statusHistory: null,
    });
    expect(dataOf(await seen(streetAdmin)).station.statusHistory).toHaveLength(4);
  });

  it('finds stations by exact distance, nearest first, within the radius and open at an instant', async () => {
    const all = dataOf(await nearby(memberM, {})).nearbyStations;
    expect(all.edges.map((e: any) => e.node.id)).toEqual([
      station.s1,
      station.s2,
      station.s4,
      station.s3,
      station.sB,
    ]);
    const expected = [300, 800, 1200, 1500, 3000];
    all.edges.forEach((e: any, i: number) =>
      expect(Math.abs(e.distanceMeters - expected[i])).toBeLessThan(1),
    );
    expect(all.totalCount).toBe(5); // s5 at 5.1 km is outside; s6 is closed

    const wider = dataOf(await nearby(memberM, { radiusMeters: 5200 })).nearbyStations;
    expect(wider.edges.at(-1)).toMatchObject({ node: { id: station.s5 } });
    expect(Math.abs(wider.edges.at(-1).distanceMeters - 5100)).toBeLessThan(1);

    const page1 = dataOf(await nearby(memberM, {}, ', first: 2')).nearbyStations;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = dataOf(
      await nearby(memberM, {}, `, first: 10, after: "${page1.pageInfo.endCursor}"`),
    ).nearbyStations;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(
      all.edges.map((e: any) => e.node.id),
    );

    const microwave = dataOf(await nearby(memberM, { amenities: ['MICROWAVE'] })).nearbyStations;
    expect(microwave.edges.map((e: any) => e.node.id)).toEqual([station.s2]);

    // 2023-06-06 is a Tuesday: at 03:00 only the overnight station is open, at noon the others.
    const night = dataOf(
      await nearby(memberM, { openNow: true, at: at('2023-06-06', 3).toISOString() }),
    ).nearbyStations;
    expect(night.edges.map((e: any) => e.node.id)).toEqual([station.s4]);
    const noon = dataOf(
      await nearby(memberM, { openNow: true, at: at('2023-06-06', 12).toISOString() }),
    ).nearbyStations;
    expect(noon.edges.map((e: any) => e.node.id)).toEqual([
      station.s1,
      station.s2,
      station.s3,
      station.sB,
    ]);

    const invalid = await nearby(memberM, { latitude: 91, radiusMeters: 60_000 });
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    expect(errorFields(invalid)).toEqual(['input.latitude', 'input.radiusMeters']);
  });

  it('registers pseudonymous workers and shows a member link only to the branch’s admins', async () => {
    const courier = dataOf(
      await registerWorker(operator, {
        kind: 'COURIER',
        platform: 'SF_EXPRESS',
        organizationId: org.communityA,
      }),
    ).registerWorker;
    expect(courier).toMatchObject({
      kindLabel: '快递员',
      platformLabel: '顺丰速运',
      organization: { id: org.communityA },
      mobileBranch: null,
      memberLink: null,
    });
    expect(courier.pseudonym).toMatch(/^快递-[0-9A-Z]{6}$/);
    worker.courier = courier.id;

    // A station operator of 运河区 cannot put workers into 桃城区's mobile branch.
    const intruder = await registerWorker(operator, {
      kind: 'DELIVERY_RIDER',
      platform: 'MEITUAN',
      organizationId: org.communityA,
      mobileBranchId: org.cheLun,
    });
    expect(errorCode(intruder)).toBe('FORBIDDEN');
    const notMobile = await registerWorker(admin, {
      kind: 'DELIVERY_RIDER',
      platform: 'MEITUAN',
      organizationId: org.communityA,
      mobileBranchId: org.communityB,
    });
    expect(errorFields(notMobile)).toEqual(['input.mobileBranchId']);

    const rider = dataOf(
      await registerWorker(admin, {
        kind: 'DELIVERY_RIDER',
        platform: 'MEITUAN',
        organizationId: org.communityA,
        mobileBranchId: org.cheLun,
      }),
    ).registerWorker;
    worker.rider = rider.id;
    expect(rider.pseudonym).toMatch(/^骑手-/);

    const link = (token: string, memberBranchId = org.cheLun) =>
      q(
        token,
        `mutation($input: LinkWorkerMemberInput!) { linkWorkerToMember(input: $input) { ${WORKER_FIELDS} } }`,
        { input: { workerId: rider.id, memberId, memberBranchId } },
      );
    expect(errorCode(await link(communityAdmin))).toBe('FORBIDDEN');
    const linked = dataOf(await link(cheLunAdmin)).linkWorkerToMember;
    expect(linked.memberLink).toEqual({
      memberId,
      member: { id: memberId },
      branch: { id: org.cheLun },
    });
    expect(
      await db()
        .collection('workers')
        .findOne({ _id: new mongoose.Types.ObjectId(rider.id) }),
    ).not.toHaveProperty('name');

    const memberLinkSeenBy = async (token: string) =>
      dataOf(await readWorker(token, rider.id)).worker.memberLink?.memberId ?? null;
    expect(await memberLinkSeenBy(admin)).toBe(memberId);
    expect(await memberLinkSeenBy(cheLunAdmin)).toBe(memberId);
    expect(await memberLinkSeenBy(tokenFor('ORG_ADMIN', org.taocheng))).toBe(memberId);
    expect(await memberLinkSeenBy(memberM)).toBe(memberId);
    // They may read the worker (it is looked after in 运河区), not the link.
    expect(await memberLinkSeenBy(communityAdmin)).toBeNull();
    expect(await memberLinkSeenBy(operator)).toBeNull();
    expect(await memberLinkSeenBy(tokenFor('AUDITOR'))).toBeNull();
    expect(await memberLinkSeenBy(tokenFor('ANALYST', org.district))).toBeNull();
    expect(await memberLinkSeenBy(tokenFor('STATION_OPERATOR', org.cheLun))).toBeNull();
    // Outside the scope the worker answers as an unknown id does: existence stays hidden.
    expect(await readWorker(streetBAdmin, rider.id)).toMatchObject({
      data: { worker: null },
      errors: undefined,
    });
    expect(await readWorker(streetBAdmin, String(new mongoose.Types.ObjectId()))).toMatchObject({
      data: { worker: null },
      errors: undefined,
    });

    const listed = dataOf(
      await q(
        cheLunAdmin,
        `query($o: ID!) { workers(organizationId: $o, filter: { kinds: [DELIVERY_RIDER] }) {
          totalCount edges { node { id memberLink { memberId } } } } }`,
        { o: org.cheLun },
      ),
    ).workers;
    expect(listed).toEqual({
      totalCount: 1,
      edges: [{ node: { id: rider.id, memberLink: { memberId } } }],
    });
  });

  it('records a visit once per client id, with one event that names no person', async () => {
    const clientVisitId = randomUUID();
    const input = {
      clientVisitId,
      stationId: station.s1,
      workerId: worker.rider,
      services: ['MEAL_HEATING', 'DRINKING_WATER'],
      // 00:30 in Shanghai is the evening before in UTC: the visit counts on day2.
      visitedAt: at(day2, 0, 30).toISOString(),
    };
    const first = dataOf(await recordVisit(operator, input)).recordStationVisit;
    expect(first).toMatchObject({
      clientVisitId,
      day: day2,
      workerKind: 'DELIVERY_RIDER',
      workerKindLabel: '外卖员',
      platform: 'MEITUAN',
      channel: 'STATION_TERMINAL',
      channelLabel: '驿站终端登记',
      station: { id: station.s1 },
      worker: { id: worker.rider },
    });
    const again = dataOf(
      await recordVisit(operator, { ...input, services: ['DRINKING_WATER', 'MEAL_HEATING'] }),
    ).recordStationVisit;
    expect(again.id).toBe(first.id);
    const reused = await recordVisit(operator, { ...input, services: ['REST'] });
    expect(errorCode(reused)).toBe('CONFLICT');
    expect(await db().collection('station_visits').countDocuments({ clientVisitId })).toBe(1);
    const counter = await db()
      .collection('station_visit_counters')
      .findOne({ _id: `${station.s1}:${day2}` as any });
    expect(counter).toMatchObject({
      unit: 'DAY',
      visits: 1,
      kinds: { DELIVERY_RIDER: { visits: 1, services: { MEAL_HEATING: 1, DRINKING_WATER: 1 } } },
    });

    const events = () =>
      probe()
        .messages.map((m) => ({ key: String(m.key), event: JSON.parse(String(m.value)) }))
        .filter(({ event }) => event.data.visitId === first.id);
    await probe().waitFor(() => events().length > 0);
    // Published means pulled from the visit's outbox: nothing of this visit is pending.
    await waitFor(async () => {
      const stored = await db()
        .collection('station_visits')
        .findOne({ _id: new mongoose.Types.ObjectId(first.id) });
      return stored?.outbox.length === 0 ? true : undefined;
    });
    // The replay wrote no second event; the relay delivers at least once (same event id).
    const [{ key, event }] = events();
    expect(new Set(events().map((e) => e.event.id))).toEqual(new Set([event.id]));
    expect(key).toBe(station.s1);
    expect(event).toMatchObject({
      type: 'jiceng.stations.visit.recorded',
      source: '/jiceng/stations',
      subject: station.s1,
    });
    expect(event.data).toEqual({
      visitId: first.id,
      stationId: station.s1,
      operatorId: org.communityA,
      workerKind: 'DELIVERY_RIDER',
      platform: 'MEITUAN',
      services: ['MEAL_HEATING', 'DRINKING_WATER'],
      channel: 'STATION_TERMINAL',
      visitedAt: input.visitedAt,
    });
    expect(JSON.stringify(event)).not.toContain(worker.rider);
    expect(JSON.stringify(event)).not.toContain(memberId);
  });

  it('lets a linked member check in from the phone and refuses visits that do not fit', async () => {
    const phone = await recordVisit(memberM, {
      stationId: station.s2,
      workerId: worker.rider,
      services: ['REST'],
      channel: 'WORKER_PHONE',
      visitedAt: at(day1, 12).toISOString(),
    });
    expect(dataOf(phone).recordStationVisit).toMatchObject({ channel: 'WORKER_PHONE', day: day1 });
    const terminal = await recordVisit(memberM, {
      stationId: station.s2,
      workerId: worker.rider,
      services: ['REST'],
    });
    expect(errorCode(terminal)).toBe('FORBIDDEN');
    const stranger = await recordVisit(tokenFor('MEMBER', org.cheLun, objectId()), {
      stationId: station.s2,
      workerId: worker.rider,
      services: ['REST'],
      channel: 'WORKER_PHONE',
    });
    expect(errorCode(stranger)).toBe('FORBIDDEN');
    expect(
      errorCode(
        await recordVisit(streetBAdmin, {
          stationId: station.s1,
          workerKind: 'COURIER',
          services: ['REST'],
        }),
      ),
    ).toBe('FORBIDDEN');

    const walkIn = await recordVisit(operator, {
      stationId: station.s1,
      services: ['FIRST_AID'],
      visitedAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(errorFields(walkIn)).toEqual(['input.services', 'input.visitedAt', 'input.workerKind']);
    const atClosed = await recordVisit(admin, {
      stationId: station.s6,
      workerKind: 'COURIER',
      services: ['REST'],
    });
    expect(errorFields(atClosed)).toEqual(['input.stationId']);
    const badId = await recordVisit(operator, {
      clientVisitId: 'x',
      stationId: station.s1,
      workerKind: 'COURIER',
      services: [],
    });
    expect(errorFields(badId)).toEqual(['input.clientVisitId', 'input.services']);
  });

  it('counts visits per day, month, station, service, kind and subtree, in scope only', async () => {
    dataOf(
      await recordVisit(operator, {
        stationId: station.s1,
        workerId: worker.courier,
        services: ['REST', 'DRINKING_WATER'],
        visitedAt: at(day1, 12).toISOString(),
      }),
    );
    dataOf(
      await recordVisit(operator, {
        stationId: station.s2,
        workerKind: 'TRUCK_DRIVER',
        platform: 'HUOLALA',
        services: ['RESTROOM'],
        visitedAt: at(day2, 12).toISOString(),
      }),
    );
    dataOf(
      await recordVisit(streetBAdmin, {
        stationId: station.sB,
        workerKind: 'DELIVERY_RIDER',
        platform: 'ELEME',
        services: ['COOLING'],
        visitedAt: at(day2, 12).toISOString(),
      }),
    );
    const rows = async (token: string, orgId: string, groupBy: string[]) => {
      const stats = dataOf(await visitStats(token, orgId, groupBy)).stationVisitStats;
      return stats.rows.map((r: any) =>
        [
          ...groupBy.map(
            (g) =>
              r[
                {
                  DAY: 'day',
                  MONTH: 'month',
                  STATION: 'stationId',
                  SERVICE: 'service',
                  WORKER_KIND: 'workerKind',
                }[g] as string
              ],
          ),
          r.visits,
        ].join(' '),
      );
    };
    const total = dataOf(await visitStats(streetAdmin, org.streetA, [])).stationVisitStats;
    expect(total).toMatchObject({ from: day1, to: shanghaiDay(0), stations: 6, visits: 4 });
    expect(await rows(streetAdmin, org.streetA, ['DAY'])).toEqual([`${day1} 2`, `${day2} 2`]);
    expect(await rows(streetAdmin, org.streetA, ['STATION'])).toEqual(
      [`${station.s1} 2`, `${station.s2} 2`].sort(),
    );
    expect(await rows(streetAdmin, org.streetA, ['SERVICE'])).toEqual([
      'DRINKING_WATER 2',
      'MEAL_HEATING 1',
      'REST 2',
      'RESTROOM 1',
    ]);
    expect(await rows(streetAdmin, org.streetA, ['WORKER_KIND'])).toEqual([
      'COURIER 1',
      'DELIVERY_RIDER 2',
      'TRUCK_DRIVER 1',
    ]);
    expect(await rows(streetAdmin, org.communityA, ['DAY', 'WORKER_KIND'])).toEqual([
      `${day1} COURIER 1`,
      `${day1} DELIVERY_RIDER 1`,
      `${day2} DELIVERY_RIDER 1`,
      `${day2} TRUCK_DRIVER 1`,
    ]);
    const byStation = dataOf(
      await visitStats(tokenFor('ANALYST', org.district), org.district, ['STATION', 'SERVICE']),
    ).stationVisitStats;
    expect(byStation).toMatchObject({ stations: 7, visits: 5 });
    expect(byStation.rows).toContainEqual(
      expect.objectContaining({
        station: { name: '彩虹驿站' },
        serviceLabel: '热可纳凉',
        visits: 1,
      }),
    );
    // A period works as well as days: the month of day2 holds the visits of its days.
    const month = day2.slice(0, 7);
    const visitDays = [day2, day1, day1, day2, day2];
    const monthly = dataOf(
      await visitStats(tokenFor('ANALYST', org.district), org.district, ['MONTH'], {
        period: month,
      }),
    ).stationVisitStats;
    expect(monthly.rows).toEqual([
      expect.objectContaining({
        month,
        visits: visitDays.filter((d) => d.startsWith(month)).length,
      }),
    ]);

    expect(errorCode(await visitStats(streetBAdmin, org.streetA, []))).toBe('FORBIDDEN');
    expect(errorCode(await visitStats(tokenFor('ANALYST', org.streetB), org.district, []))).toBe(
      'FORBIDDEN',
    );
    const badRange = await visitStats(streetAdmin, org.streetA, [], { period: '2023-13' });
    expect(errorFields(badRange)).toEqual(['period']);

    const visits = dataOf(
      await q(
        streetAdmin,
        'query($id: ID!) { stationVisits(stationId: $id, first: 10) { totalCount edges { node { channel workerKind } } } }',
        { id: station.s1 },
      ),
    ).stationVisits;
    expect(visits.totalCount).toBe(2);
    expect(
      errorCode(
        await q(streetBAdmin, 'query($id: ID!) { stationVisits(stationId: $id) { totalCount } }', {
          id: station.s1,
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lists the stations of organizations and subtrees in one batch per request', async () => {
    // The district's streets arrive as one _entities request: scope checks (org_nodes by id),
    // the subtrees and the stations are one read each, however many streets there are.
    const query = `query($id: ID!) { organization(id: $id) { children(first: 10) { edges { node {
      id stations(includeSubtree: true) { totalCount edges { node { name operator { id } } } } } } } } }`;
    const attempts: string[] = [];
    let streets: any[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await mongoCommands(stack.app('stations'));
      streets = dataOf(await q(admin, query, { id: org.district })).organization.children.edges.map(
        (e: any) => e.node,
      );
      const cost = (await mongoCommands(stack.app('stations'))) - before;
      attempts.push(`+${cost}`);
      if (cost <= 3) break;
    }
    expect(attempts.at(-1)).toBe('+3');
    expect(streets.map((s) => [s.id, s.stations.totalCount])).toEqual(
      expect.arrayContaining([
        [org.streetA, 6],
        [org.streetB, 1],
      ]),
    );
    const streetB = streets.find((s) => s.id === org.streetB);
    expect(streetB.stations.edges).toEqual([
      { node: { name: '彩虹驿站', operator: { id: org.communityB } } },
    ]);

    const community = dataOf(
      await q(
        streetAdmin,
        `query($id: ID!) { organization(id: $id) { own: stations(filter: { statuses: [OPEN] }) { totalCount }
          all: stations { totalCount } } }`,
        { id: org.communityA },
      ),
    ).organization;
    expect(community).toEqual({ own: { totalCount: 5 }, all: { totalCount: 6 } });
    const foreign = await q(
      streetBAdmin,
      'query($id: ID!) { organization(id: $id) { stations { totalCount } } }',
      { id: org.streetA },
    );
    // An organization outside the scope answers as an unknown one: null, no error.
    expect(foreign).toMatchObject({ data: { organization: null }, errors: undefined });
  });

  it('names flag vehicles in a mobile branch’s fleet', async () => {
    const register = (token: string, input: Record<string, unknown>) =>
      q(
        token,
        `mutation($input: RegisterFlagVehicleInput!) { registerFlagVehicle(input: $input) {
          id plate kindLabel platformLabel memberId member { id } mobileBranch { id } worker { id } status namedOn } }`,
        {
          input: {
            plate: '冀T·A1234',
            kind: 'ELECTRIC_BIKE',
            platform: 'MEITUAN',
            memberId,
            mobileBranchId: org.cheLun,
            workerId: worker.rider,
            namedOn: '2023-06-01',
            ...input,
          },
        },
      );
    const vehicle = dataOf(await register(cheLunAdmin, {})).registerFlagVehicle;
    expect(vehicle).toMatchObject({
      plate: '冀TA1234',
      kindLabel: '电动自行车',
      platformLabel: '美团',
      memberId,
      member: { id: memberId },
      mobileBranch: { id: org.cheLun },
      worker: { id: worker.rider },
      status: 'ACTIVE',
      namedOn: '2023-06-01',
    });
    expect(errorCode(await register(cheLunAdmin, { plate: '冀TA 1234' }))).toBe('CONFLICT');
    expect(
      errorFields(
        await register(cheLunAdmin, { plate: '冀TA12345', kind: 'CAR', workerId: worker.courier }),
      ),
    ).toEqual(['input.plate', 'input.workerId']);
    expect(errorCode(await register(communityAdmin, { plate: '冀TB2345' }))).toBe('FORBIDDEN');
    expect(
      errorFields(await register(admin, { plate: '冀TB2345', mobileBranchId: org.communityA })),
    ).toEqual(['input.mobileBranchId']);
    dataOf(
      await register(admin, { plate: '冀TD12345', kind: 'CAR', platform: 'DIDI', workerId: null }),
    );

    const fleet = dataOf(
      await q(
        tokenFor('ORG_ADMIN', org.liangxin),
        `query($id: ID!) { organization(id: $id) { own: flagVehicles { totalCount }
          all: flagVehicles(includeSubtree: true) { totalCount edges { node { plate } } } } }`,
        { id: org.liangxin },
      ),
    ).organization;
    expect(fleet.own.totalCount).toBe(0);
    expect(fleet.all.edges.map((e: any) => e.node.plate)).toEqual(['冀TA1234', '冀TD12345']);
    // A member of the mobile branch reads its own vehicle, not the fleet's plates.
    const fellowRider = tokenFor('MEMBER', org.cheLun, '0123456789abcdef01234567');
    expect(
      errorCode(
        await q(
          fellowRider,
          'query($id: ID!) { organization(id: $id) { flagVehicles { totalCount } } }',
          {
            id: org.cheLun,
          },
        ),
      ),
    ).toBe('FORBIDDEN');
    const retired = dataOf(
      await q(
        cheLunAdmin,
        `mutation($input: RetireFlagVehicleInput!) { retireFlagVehicle(input: $input) { status statusLabel retiredReason } }`,
        { input: { id: vehicle.id, reason: '骑手离职' } },
      ),
    ).retireFlagVehicle;
    expect(retired).toEqual({
      status: 'RETIRED',
      statusLabel: '已撤销命名',
      retiredReason: '骑手离职',
    });
    const outside = await q(streetAdmin, 'query($id: ID!) { flagVehicle(id: $id) { id } }', {
      id: vehicle.id,
    });
    expect(outside).toMatchObject({ data: { flagVehicle: null }, errors: undefined });
  });
});
