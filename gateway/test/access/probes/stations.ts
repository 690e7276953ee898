import type { Role } from '@jiceng/auth';
import type { AdminApi, ProbeSet, World } from '../probe';

// Stations' targets: a station run by gridA (inside every scoped role's subtree, the MEMBER's
// branch included) and one by gridB; workers looked after by those grids; flag vehicles in a
// mobile branch under each street. Changing rows aim each acting role at a fixture of its own.

const CENTER = { longitude: 116.84, latitude: 38.3 };
const EVERY_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const SERVICES = ['DRINKING_WATER', 'REST', 'RESTROOM'];

const stationInput = (operatorId: string, name: string) => ({
  operatorId,
  name,
  kind: 'WARM_NEW',
  address: '运河区访问表驿站',
  location: CENTER,
  openingHours: [{ weekdays: EVERY_DAY, opens: '00:00', closes: '23:59' }],
  services: SERVICES,
});

/** The acting role's own fixture in subtree A; refused roles aim at ADMIN's (still untouched). */
const own = (w: World, key: string, role: Role) =>
  w.ids[`${key}A_${role}`] ?? w.ids[`${key}A_ADMIN`];

const WORKER = 'id pseudonym kind platform';

async function setup(w: World, api: AdminApi): Promise<void> {
  const { org } = w;
  let n = 0;
  const createStation = async (operator: string) =>
    (
      await api.admin(
        `mutation($input: CreateStationInput!) { createStation(input: $input) { id } }`,
        { input: stationInput(org[operator], `访问表驿站 ${w.run} ${++n}`) },
      )
    ).createStation.id as string;
  // The grids must first reach the stations service's organization projection.
  w.ids.stationA = await api.eventually(() => createStation('gridA'));
  w.ids.stationB = await api.eventually(() => createStation('gridB'));
  for (const role of ['ADMIN', 'ORG_ADMIN', 'STATION_OPERATOR'])
    w.ids[`statusA_${role}`] = await createStation('gridA');
  w.ids.statusB = await createStation('gridB');

  const registerWorker = async (grid: string) =>
    (
      await api.admin(
        `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
        { input: { kind: 'DELIVERY_RIDER', platform: 'MEITUAN', organizationId: org[grid] } },
      )
    ).registerWorker.id as string;
  const link = (workerId: string, memberId: string, grid: string) =>
    api.admin(
      `mutation($input: LinkWorkerMemberInput!) { linkWorkerToMember(input: $input) { id } }`,
      { input: { workerId, memberId, memberBranchId: org[grid] } },
    );
  w.ids.workerSelf = await registerWorker('gridA');
  await link(w.ids.workerSelf, w.self, 'gridA');
  w.ids.workerA = await registerWorker('gridA');
  w.ids.workerB = await registerWorker('gridB');
  w.ids.linkA = await registerWorker('gridA');
  w.ids.linkB = await registerWorker('gridB');
  for (const role of ['ADMIN', 'ORG_ADMIN']) {
    w.ids[`unlinkA_${role}`] = await registerWorker('gridA');
    await link(w.ids[`unlinkA_${role}`], w.peer, 'gridA');
  }
  w.ids.unlinkB = await registerWorker('gridB');
  await link(w.ids.unlinkB, w.stranger, 'gridB');

  // Mobile branches (车轮支部) under each street, with their fleets.
  const branch = async (street: string, name: string) =>
    (
      await api.admin(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        {
          input: {
            name: `${name} ${w.run}`,
            kind: 'MOBILE_BRANCH',
            sector: 'NEW_EMPLOYMENT',
            regionCode: '130903',
            parentId: org[street],
          },
        },
      )
    ).createOrganization.id as string;
  w.ids.branchA = await branch('streetA', '水月寺街道车轮支部');
  w.ids.branchB = await branch('streetB', '南环中路街道车轮支部');
  let plate = 2000;
  const vehicle = async (branchKey: string, memberId: string) =>
    (
      await api.admin(
        `mutation($input: RegisterFlagVehicleInput!) { registerFlagVehicle(input: $input) { id } }`,
        {
          input: {
            plate: `冀TA${++plate}`,
            kind: 'ELECTRIC_BIKE',
            platform: 'MEITUAN',
            memberId,
            mobileBranchId: w.ids[branchKey],
          },
        },
      )
    ).registerFlagVehicle.id as string;
  w.ids.vehicleSelf = await api.eventually(() => vehicle('branchA', w.self));
  w.ids.vehiclePeer = await vehicle('branchA', w.peer);
  w.ids.vehicleB = await api.eventually(() => vehicle('branchB', w.stranger));
  w.ids.retireA_ADMIN = await vehicle('branchA', w.peer);
  w.ids.retireA_ORG_ADMIN = await vehicle('branchA', w.peer);
  w.ids.retireB = await vehicle('branchB', w.stranger);
}

const visitAt = (stationId: string, id: string) => ({
  clientVisitId: id,
  stationId,
  workerKind: 'COURIER',
  services: ['DRINKING_WATER'],
  channel: 'STATION_TERMINAL',
});

export const stationsProbes: ProbeSet = {
  setup,
  probes: {
    'Query.station': {
      document: `query($id: ID!) { station(id: $id) { id name status } }`,
      inside: (w) => ({ id: w.ids.stationA }),
      outside: (w) => ({ id: w.ids.stationB }),
    },
    'Query.nearbyStations': {
      document: `query($input: NearbyStationsInput!) { nearbyStations(input: $input, first: 50) {
        edges { distanceMeters node { id } } } }`,
      inside: () => ({ input: { ...CENTER, radiusMeters: 3000 } }),
    },
    'Query.flagVehicle': {
      document: `query($id: ID!) { flagVehicle(id: $id) { id plate memberId status } }`,
      inside: (w) => ({ id: w.ids.vehicleSelf }),
      outside: (w, role) => ({ id: role === 'MEMBER' ? w.ids.vehiclePeer : w.ids.vehicleB }),
    },
    'Query.stationVisits': {
      document: `query($s: ID!) { stationVisits(stationId: $s, first: 50) { edges { node { id } } } }`,
      inside: (w) => ({ s: w.ids.stationA }),
      outside: (w) => ({ s: w.ids.stationB }),
    },
    'Query.stationVisitStats': {
      document: `query($o: ID!, $period: String) { stationVisitStats(organizationId: $o, period: $period) {
        stations visits } }`,
      inside: (w) => ({ o: w.org.gridA, period: String(new Date().getFullYear()) }),
      outside: (w) => ({ o: w.org.gridB, period: String(new Date().getFullYear()) }),
    },
    'Query.worker': {
      document: `query($id: ID!) { worker(id: $id) { ${WORKER} memberLink { memberId } } }`,
      inside: (w) => ({ id: w.ids.workerSelf }),
      // A member's own worker record is linked to it; the grid's other workers are not its own.
      outside: (w, role) => ({ id: role === 'MEMBER' ? w.ids.workerA : w.ids.workerB }),
    },
    'Query.workers': {
      document: `query($o: ID!) { workers(organizationId: $o, first: 100) { edges { node { ${WORKER} } } } }`,
      inside: (w) => ({ o: w.org.gridA }),
      outside: (w) => ({ o: w.org.gridB }),
    },
    'Mutation.createStation': {
      document: `mutation($input: CreateStationInput!) { createStation(input: $input) { id } }`,
      inside: (w, role) => ({ input: stationInput(w.org.gridA, `新驿站 ${w.run} ${role} 内`) }),
      outside: (w, role) => ({ input: stationInput(w.org.gridB, `新驿站 ${w.run} ${role} 外`) }),
    },
    'Mutation.updateStation': {
      document: `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id name } }`,
      inside: (w, role) => ({ input: { id: w.ids.stationA, name: `驿站 ${w.run} ${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids.stationB, name: `驿站 ${w.run} ${role}` } }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.changeStationStatus': {
      document: `mutation($input: ChangeStationStatusInput!) { changeStationStatus(input: $input) { id status } }`,
      inside: (w, role) => ({
        input: { id: own(w, 'status', role), status: 'TEMPORARILY_CLOSED', reason: '设备检修' },
      }),
      outside: (w) => ({
        input: { id: w.ids.statusB, status: 'TEMPORARILY_CLOSED', reason: '设备检修' },
      }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.registerFlagVehicle': {
      document: `mutation($input: RegisterFlagVehicleInput!) { registerFlagVehicle(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          plate: role === 'ORG_ADMIN' ? '冀TA1003' : role === 'ADMIN' ? '冀TA1001' : '冀TA1005',
          kind: 'ELECTRIC_BIKE',
          platform: 'ELEME',
          memberId: w.peer,
          mobileBranchId: w.ids.branchA,
        },
      }),
      outside: (w, role) => ({
        input: {
          plate: role === 'ADMIN' ? '冀TA1002' : '冀TA1004',
          kind: 'ELECTRIC_BIKE',
          platform: 'ELEME',
          memberId: w.stranger,
          mobileBranchId: w.ids.branchB,
        },
      }),
    },
    'Mutation.retireFlagVehicle': {
      document: `mutation($input: RetireFlagVehicleInput!) { retireFlagVehicle(input: $input) { id status } }`,
      inside: (w, role) => ({ input: { id: own(w, 'retire', role), reason: '车辆报废' } }),
      outside: (w) => ({ input: { id: w.ids.retireB, reason: '车辆报废' } }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.recordStationVisit': {
      document: `mutation($input: RecordStationVisitInput!) { recordStationVisit(input: $input) { id } }`,
      // A member checks in from its phone as the worker linked to it, never as another.
      inside: (w, role) => ({
        input:
          role === 'MEMBER'
            ? {
                ...visitAt(w.ids.stationA, `acl-${w.run}-member-in`),
                workerKind: undefined,
                workerId: w.ids.workerSelf,
                channel: 'WORKER_PHONE',
              }
            : visitAt(w.ids.stationA, `acl-${w.run}-${role}-in`),
      }),
      outside: (w, role) => ({
        input:
          role === 'MEMBER'
            ? {
                ...visitAt(w.ids.stationA, `acl-${w.run}-member-out`),
                workerKind: undefined,
                workerId: w.ids.workerA,
                channel: 'WORKER_PHONE',
              }
            : visitAt(w.ids.stationB, `acl-${w.run}-${role}-out`),
      }),
    },
    'Mutation.registerWorker': {
      document: `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`,
      inside: (w) => ({
        input: { kind: 'COURIER', platform: 'SF_EXPRESS', organizationId: w.org.gridA },
      }),
      outside: (w) => ({
        input: { kind: 'COURIER', platform: 'SF_EXPRESS', organizationId: w.org.gridB },
      }),
    },
    'Mutation.updateWorker': {
      document: `mutation($input: UpdateWorkerInput!) { updateWorker(input: $input) { id platform } }`,
      inside: (w) => ({ input: { id: w.ids.workerA, platform: 'ELEME' } }),
      outside: (w) => ({ input: { id: w.ids.workerB, platform: 'ELEME' } }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.linkWorkerToMember': {
      document: `mutation($input: LinkWorkerMemberInput!) { linkWorkerToMember(input: $input) { id } }`,
      inside: (w) => ({
        input: { workerId: w.ids.linkA, memberId: w.peer, memberBranchId: w.org.gridA },
      }),
      outside: (w) => ({
        input: { workerId: w.ids.linkB, memberId: w.stranger, memberBranchId: w.org.gridB },
      }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.unlinkWorkerFromMember': {
      document: `mutation($id: ID!) { unlinkWorkerFromMember(workerId: $id) { id } }`,
      inside: (w, role) => ({ id: own(w, 'unlink', role) }),
      outside: (w) => ({ id: w.ids.unlinkB }),
      tolerate: ['CONFLICT'],
    },
  },
};
