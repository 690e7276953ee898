import mongoose, { type Connection } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { ORG_NODE_MODEL, orgNodeSchema, type OrgNode } from '@jiceng/org-projection';
import { dropDatabases } from '@jiceng/testing';
import { demoId } from '../src/demo/demo-kit';
import { serviceRequests } from '../src/demo/demo-requests';
import { DEMO_SERVICE_DAYS, demoServiceDays, type Gaomi } from '../src/demo/demo-service-days';
import { gaomiProjectionNodes } from '../src/demo/projection-nodes.fixture';
import { loadServiceDays, waitForGaomi } from '../src/demo/seed-service-days';
import {
  MEMBER_NODE_MODEL,
  memberNodeSchema,
  type MemberNode,
} from '../src/member-projection/member-node.schema';
import {
  SERVICE_DAY_MODEL,
  SERVICE_DAY_TALLY_MODEL,
  serviceDaySchema,
  serviceDayTallySchema,
  type ServiceDay,
  type ServiceDayTally,
} from '../src/service-day/service-day.schema';

// The 高密 part of the volunteering demo loader on the Mongo-wire server, without the platform:
// the projections hold the shared plan's city and 3,600 members serving in its communities; the
// loader inserts the 帮帮团 and days and tallies the signed-off ones with the service's own tally,
// whose read models then give the figures serviceDayStats answers.

const DB = `jiceng_volunteering_demo_service_days_${process.pid}`;
let connection: Connection;

beforeAll(async () => {
  connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName: DB }).asPromise();
  const nodes = connection.model<OrgNode>(ORG_NODE_MODEL, orgNodeSchema);
  const members = connection.model<MemberNode>(MEMBER_NODE_MODEL, memberNodeSchema);
  await Promise.all([nodes.init(), members.init()]);
  const tree = gaomiProjectionNodes();
  await nodes.insertMany(tree);
  const communities = tree.filter((n) => n.sector === 'COMMUNITY' && n.kind === 'PARTY_COMMITTEE');
  await members.insertMany(
    Array.from({ length: 3600 }, (_, i) => ({
      _id: demoId(`test-gaomi-member/${i}`),
      organizationId: demoId('test-gaomi-unit-branch'),
      communityId: communities[i % communities.length]._id,
      status: i % 50 === 0 ? 'LEFT' : 'ACTIVE',
      version: 1,
      updatedAt: new Date('2023-01-01T00:00:00Z'),
    })),
  );
}, 60_000);

afterAll(async () => {
  await connection?.close();
  await dropDatabases(DB);
});

describe('the 高密 service-day demo loader', () => {
  it('loads once, and the tallies give the figures of the stored days', async () => {
    const nodes = connection.model<OrgNode>(ORG_NODE_MODEL);
    const members = connection.model<MemberNode>(MEMBER_NODE_MODEL);
    const gaomi = (await waitForGaomi(nodes, members, 0)) as Gaomi;
    expect(gaomi.communities).toHaveLength(25);
    // The members who left serve nowhere.
    expect(gaomi.communities.reduce((n, c) => n + c.members.length, 0)).toBe(3600 - 72);
    const whole = demoServiceDays(
      gaomi.communities,
      serviceRequests({ requestCommunities: gaomi.communities }),
    );
    expect(whole.days).toHaveLength(900);
    // Two months of days keep the test short (the local store writes some 80 days a second);
    // `npm start` loads all six.
    const plan = { ...whole, days: whole.days.filter((d) => d.month <= '2023-02') };
    const first = await loadServiceDays(connection, String(gaomi.cityId), plan);
    const signedOff = plan.days.filter((d) => d.state === 'SIGNED_OFF');
    expect(first).toMatchObject({
      helpTeams: DEMO_SERVICE_DAYS.helpTeams,
      serviceDays: 300,
      inserted: { helpTeams: 467, serviceDays: 300 },
      tallied: signedOff.length,
      city: {
        daysHeld: signedOff.length,
        volunteers: signedOff.reduce((n, d) => n + d.attendance.length, 0),
        services: signedOff.reduce((n, d) => n + d.figures!.services, 0),
        problemsCollected: plan.days.reduce((n, d) => n + d.problems.length, 0),
      },
    });

    // A second run finds everything stored and counted: it writes and counts nothing.
    const again = await loadServiceDays(connection, String(gaomi.cityId), plan);
    expect(again).toEqual({
      ...first,
      inserted: { helpTeams: 0, serviceDays: 0 },
      tallied: 0,
      attendanceEventsQueued: 0,
    });

    // Every level of the tree holds its part: a community's month is its branches' days.
    const tallies = connection.model<ServiceDayTally>(
      SERVICE_DAY_TALLY_MODEL,
      serviceDayTallySchema,
    );
    const community = gaomi.communities[3];
    const february = signedOff.filter(
      (d) => String(d.communityId) === String(community._id) && d.month === '2023-02',
    );
    const tally = await tallies
      .findById(`${String(community._id)}|2023-02`)
      .lean<ServiceDayTally>();
    expect(tally?.daysHeld ?? 0).toBe(february.length);
    const days = connection.model<ServiceDay>(SERVICE_DAY_MODEL, serviceDaySchema);
    expect(await days.countDocuments({ state: 'SIGNED_OFF', talliedAt: null })).toBe(0);
    // … and the province above the city counts the same days as the city.
    const province = plan.days[0].path[0];
    const provinceFebruary = await tallies
      .findById(`${String(province)}|2023-02`)
      .lean<ServiceDayTally>();
    expect(provinceFebruary?.daysHeld).toBe(signedOff.filter((d) => d.month === '2023-02').length);
  }, 120_000);
});
