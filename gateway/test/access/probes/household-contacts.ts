import type { Role } from '@jiceng/auth';
import type { AdminApi, ProbeSet, World } from '../probe';

// 党员联系户 (the members subgraph): households, visits, their problems and the figures. Fixtures
// are in w.ids as `hc.<key>`: households of gridA per role that reassigns one
// (`hc.assign:ADMIN`, `hc.assign:ORG_ADMIN`), one held by the MEMBER itself (`hc.self`), one by
// the peer (`hc.peer`), one of gridB held by the stranger (`hc.B`) and one unassigned
// (`hc.Bfree`); visits with a problem per role that solves one (`hc.resolve:ADMIN`,
// `hc.resolve:ORG_ADMIN`, `hc.resolve:B`). Refused roles aim at ADMIN's, which refusals run
// before.

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`;
const VISIT = `mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id } }`;
const ASSIGNED_ON = '2024-04-01';
const VISITED_ON = '2024-04-05';

const household = (w: World, organizationId: string, memberId: string, key: string) => ({
  organizationId,
  address: `探针${key}-${w.run}-${Math.random().toString(36).slice(2, 8)}`,
  phone: '13800138000',
  memberId,
  assignedOn: ASSIGNED_ON,
});

const visit = (householdId: string, problem = false) => ({
  householdId,
  visitedOn: VISITED_ON,
  duties: ['POLICY_PUBLICITY'],
  ...(problem && { problem: { description: '楼道灯损坏', category: 'INFRASTRUCTURE' } }),
});

async function setup(w: World, api: AdminApi): Promise<void> {
  const register = async (key: string, organizationId: string, memberId: string) => {
    w.ids[key] = (
      await api.admin(REGISTER, { input: household(w, organizationId, memberId, key) })
    ).registerHousehold.id;
  };
  await register('hc.assign:ADMIN', w.org.gridA, w.peer);
  await register('hc.assign:ORG_ADMIN', w.org.gridA, w.peer);
  await register('hc.self', w.org.gridA, w.self);
  await register('hc.peer', w.org.gridA, w.peer);
  await register('hc.B', w.org.gridB, w.stranger);
  // Unassigned, for ADMIN's assignment outside subtree A.
  w.ids['hc.Bfree'] = (
    await api.admin(REGISTER, {
      input: { organizationId: w.org.gridB, address: `探针hc.Bfree-${w.run}` },
    })
  ).registerHousehold.id;
  const problem = async (key: string, householdId: string) => {
    w.ids[key] = (
      await api.admin(VISIT, { input: visit(householdId, true) })
    ).recordHouseholdVisit.id;
  };
  await problem('hc.resolve:ADMIN', w.ids['hc.peer']);
  await problem('hc.resolve:ORG_ADMIN', w.ids['hc.peer']);
  await problem('hc.resolve:B', w.ids['hc.B']);
}

const own = (w: World, what: 'assign' | 'resolve', role: Role) =>
  w.ids[`hc.${what}:${role === 'ORG_ADMIN' ? 'ORG_ADMIN' : 'ADMIN'}`];

const solved = (visitId: string) => ({
  input: { visitId, solution: '已更换灯泡', solvedOn: '2024-04-08' },
});

export const householdContactsProbes: ProbeSet = {
  setup,
  probes: {
    'Query.household': {
      document: `query($id: ID!) { household(id: $id) { id phone } }`,
      inside: (w) => ({ id: w.ids['hc.peer'] }),
      outside: (w) => ({ id: w.ids['hc.B'] }),
      unmasked: (data) =>
        /^1\d{10}$/.test(data?.household?.phone ?? '') ? [`phone ${data.household.phone}`] : [],
    },
    'Query.householdContactStats': {
      document: `query($id: ID!) { householdContactStats(organizationId: $id, month: "2024-04") { totals { covered } } }`,
      inside: (w) => ({ id: w.org.gridA }),
      outside: (w) => ({ id: w.org.gridB }),
    },
    'Mutation.registerHousehold': {
      document: REGISTER,
      inside: (w, role) => ({ input: household(w, w.org.gridA, w.peer, `register:${role}`) }),
      outside: (w, role) => ({ input: household(w, w.org.gridB, w.stranger, `register:${role}`) }),
    },
    'Mutation.assignHousehold': {
      document: `mutation($input: AssignHouseholdInput!) { assignHousehold(input: $input) { id } }`,
      inside: (w, role) => ({
        input: { householdId: own(w, 'assign', role), memberId: w.self, assignedOn: '2024-05-01' },
      }),
      outside: (w) => ({
        input: { householdId: w.ids['hc.Bfree'], memberId: w.stranger, assignedOn: '2024-05-01' },
      }),
    },
    'Mutation.recordHouseholdVisit': {
      document: VISIT,
      // The MEMBER records the visits of the household it holds; the others a household of gridA.
      inside: (w, role) => ({ input: visit(w.ids[role === 'MEMBER' ? 'hc.self' : 'hc.peer']) }),
      outside: (w, role) => ({ input: visit(w.ids[role === 'MEMBER' ? 'hc.peer' : 'hc.B']) }),
    },
    'Mutation.resolveHouseholdProblem': {
      document: `mutation($input: ResolveHouseholdProblemInput!) { resolveHouseholdProblem(input: $input) { id } }`,
      inside: (w, role) => solved(own(w, 'resolve', role)),
      outside: (w) => solved(w.ids['hc.resolve:B']),
    },
  },
};
