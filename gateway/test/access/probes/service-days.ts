import type { Role } from '@jiceng/auth';
import type { AdminApi, Probe, World } from '../probe';

// Volunteering's 德邻有约 targets: service days of gridA (inside every scoped role's subtree) and
// gridB (outside), 帮帮团 of communityA and communityB. Steps aim at one day per side whatever the
// role (a second role's step meets CONFLICT, tolerated); writes that add something aim each role
// at its own member or date, so none collides with another role's.

/** Past 5ths, one per day planned by the setup (a branch holds one day per date). */
let months = 0;
const nextDate = () => {
  const m = months++;
  return `${2001 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-05`;
};

/** A date per role and side for planServiceDay (2000 is left to the probes). */
const planDate = (role: Role, side: number) =>
  `2000-${String((['ADMIN', 'ORG_ADMIN'].indexOf(role) + 1) * 2 + side + 1).padStart(2, '0')}-05`;

/** The member a role records or signs for: distinct per role, so no second call collides. */
const memberOf = (w: World, role: Role) =>
  role === 'ADMIN' ? w.self : role === 'ORG_ADMIN' ? w.peer : w.stranger;

const planInput = (w: World, branchId: string, date: string) => ({
  branchId,
  date,
  theme: `德邻有约 ${w.run}`,
  startTime: '08:30',
  endTime: '11:30',
  pointsPerVolunteer: 5,
  stalls: [{ kind: 'FREE_CLINIC', unitId: w.org.unit }],
});

export async function serviceDaySetup(w: World, api: AdminApi): Promise<void> {
  const { org } = w;
  const team = async (community: string, name: string) =>
    (
      await api.admin(
        `mutation($input: CreateHelpTeamInput!) { createHelpTeam(input: $input) { id } }`,
        {
          input: {
            organizationId: org[community],
            name: `${name} ${w.run}`,
            memberIds: [],
            gridWorkers: ['1号网格员'],
            residents: ['理发 王师傅'],
          },
        },
      )
    ).createHelpTeam.id as string;
  w.ids.helpTeamA = await api.eventually(() => team('communityA', '帮帮团'));
  w.ids.helpTeamB = await api.eventually(() => team('communityB', '帮帮团'));
  w.ids.updateHelpTeam_A = await team('communityA', '改名团');
  w.ids.updateHelpTeam_B = await team('communityB', '改名团');
  for (const key of ['deleteHelpTeam_AA', 'deleteHelpTeam_OA'])
    w.ids[key] = await team('communityA', '解散团');
  w.ids.deleteHelpTeam_AB = w.ids.deleteHelpTeam_OB = await team('communityB', '解散团');

  /** A step on a day, by id or by an input of `type` with `fields`. */
  const step = (mutation: string, id: string, type?: string, fields: object = {}) =>
    api.admin(
      type
        ? `mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`
        : `mutation($id: ID!) { ${mutation}(id: $id) { id } }`,
      type ? { input: { serviceDayId: id, ...fields } } : { id },
    );
  const day = async (grid: string, upTo: 'PLANNED' | 'HELD' | 'FIGURES') => {
    const id = (
      await api.admin(
        `mutation($input: PlanServiceDayInput!) { planServiceDay(input: $input) { id } }`,
        { input: planInput(w, org[grid], nextDate()) },
      )
    ).planServiceDay.id as string;
    await step('signServiceAgreement', id, 'SignServiceAgreementInput', {
      partyKind: 'UNIT',
      partyId: org.unit,
    });
    if (upTo === 'PLANNED') return id;
    await step('holdServiceDay', id);
    if (upTo === 'HELD') return id;
    await step('recordServiceDayFigures', id, 'RecordServiceDayFiguresInput', {
      services: 12,
      beneficiaries: 80,
      satisfaction: 96.5,
    });
    return id;
  };
  const fixtures = [
    ['serviceDay', 'PLANNED'],
    ['signServiceAgreement', 'PLANNED'],
    ['holdServiceDay', 'PLANNED'],
    ['cancelServiceDay', 'PLANNED'],
    ['recordServiceDayAttendance', 'HELD'],
    ['recordServiceDayFigures', 'HELD'],
    ['collectServiceDayProblem', 'HELD'],
    ['signOffServiceDay', 'FIGURES'],
  ] as const;
  for (const [key, upTo] of fixtures) {
    w.ids[`${key}_A`] = await api.eventually(() => day('gridA', upTo));
    w.ids[`${key}_B`] = await api.eventually(() => day('gridB', upTo));
  }
}

/** A step on the side's day, for every role alike; a repeated step is CONFLICT. */
const dayProbe = (
  mutation: string,
  input: string | null,
  extra: (w: World, role: Role) => Record<string, unknown> = () => ({}),
): Probe => {
  const vars = (w: World, role: Role, side: 'A' | 'B') => {
    const id = w.ids[`${mutation}_${side}`];
    return input ? { input: { serviceDayId: id, ...extra(w, role) } } : { id };
  };
  return {
    document: input
      ? `mutation($input: ${input}!) { ${mutation}(input: $input) { id } }`
      : `mutation($id: ID!) { ${mutation}(id: $id) { id state } }`,
    inside: (w, role) => vars(w, role, 'A'),
    outside: (w, role) => vars(w, role, 'B'),
    tolerate: ['CONFLICT'],
  };
};

const teamInput = (w: World, role: Role, community: string) => ({
  input: {
    organizationId: w.org[community],
    name: `建团 ${w.run} ${role}`,
    memberIds: [],
    gridWorkers: [],
    residents: ['热心群众 李阿姨'],
  },
});

export const serviceDayProbes: Record<string, Probe> = {
  'Query.serviceDay': {
    document: `query($id: ID!) { serviceDay(id: $id) { id state } }`,
    inside: (w) => ({ id: w.ids.serviceDay_A }),
    outside: (w) => ({ id: w.ids.serviceDay_B }),
  },
  'Query.helpTeam': {
    document: `query($id: ID!) { helpTeam(id: $id) { id name } }`,
    inside: (w) => ({ id: w.ids.helpTeamA }),
    outside: (w) => ({ id: w.ids.helpTeamB }),
  },
  'Query.serviceDayStats': {
    document: `query($o: ID!) { serviceDayStats(organizationId: $o, month: "2001-01") { daysHeld } }`,
    inside: (w) => ({ o: w.org.communityA }),
    outside: (w) => ({ o: w.org.communityB }),
  },
  'Mutation.planServiceDay': {
    document: `mutation($input: PlanServiceDayInput!) { planServiceDay(input: $input) { id } }`,
    inside: (w, role) => ({ input: planInput(w, w.org.gridA, planDate(role, 0)) }),
    outside: (w, role) => ({ input: planInput(w, w.org.gridB, planDate(role, 1)) }),
  },
  'Mutation.signServiceAgreement': dayProbe(
    'signServiceAgreement',
    'SignServiceAgreementInput',
    (w, role) => ({ partyKind: 'MEMBER', partyId: memberOf(w, role) }),
  ),
  'Mutation.holdServiceDay': dayProbe('holdServiceDay', null),
  'Mutation.recordServiceDayAttendance': dayProbe(
    'recordServiceDayAttendance',
    'RecordServiceDayAttendanceInput',
    (w, role) => ({ volunteers: [{ memberId: memberOf(w, role), unitId: w.org.unit }] }),
  ),
  'Mutation.recordServiceDayFigures': dayProbe(
    'recordServiceDayFigures',
    'RecordServiceDayFiguresInput',
    () => ({ services: 10, beneficiaries: 60, satisfaction: 95.29 }),
  ),
  'Mutation.collectServiceDayProblem': dayProbe(
    'collectServiceDayProblem',
    'CollectServiceDayProblemInput',
    (w, role) => ({ title: `楼道灯不亮 ${w.run} ${role}`, category: 'PUBLIC_FACILITIES' }),
  ),
  'Mutation.signOffServiceDay': dayProbe('signOffServiceDay', null),
  'Mutation.cancelServiceDay': dayProbe('cancelServiceDay', 'CancelServiceDayInput', () => ({
    reason: '天气原因改期',
  })),
  'Mutation.createHelpTeam': {
    document: `mutation($input: CreateHelpTeamInput!) { createHelpTeam(input: $input) { id } }`,
    inside: (w, role) => teamInput(w, role, 'communityA'),
    outside: (w, role) => teamInput(w, role, 'communityB'),
  },
  'Mutation.updateHelpTeam': {
    document: `mutation($input: UpdateHelpTeamInput!) { updateHelpTeam(input: $input) { id version } }`,
    inside: (w) => ({ input: { id: w.ids.updateHelpTeam_A, version: 1, name: '改名后' } }),
    outside: (w) => ({ input: { id: w.ids.updateHelpTeam_B, version: 1, name: '改名后' } }),
    tolerate: ['CONFLICT'],
  },
  'Mutation.deleteHelpTeam': {
    document: `mutation($id: ID!) { deleteHelpTeam(id: $id) }`,
    inside: (w, role) => ({ id: w.ids[`deleteHelpTeam_${role === 'ORG_ADMIN' ? 'O' : 'A'}A`] }),
    outside: (w, role) => ({ id: w.ids[`deleteHelpTeam_${role === 'ORG_ADMIN' ? 'O' : 'A'}B`] }),
  },
};
