import type { Role } from '@jiceng/auth';
import { otherMember, type AdminApi, type ProbeSet, type World } from '../probe';

const MEMBER = 'id name idNumber phone birthDate personalDataMasked';
/** Raw forms of the suite's members' personal data (see stack.ts). */
const unmaskedMember = (m: any): string[] =>
  !m
    ? []
    : [
        /^\d{17}[\dX]$/.test(m.idNumber ?? '') && `idNumber ${m.idNumber}`,
        /^1\d{10}$/.test(m.phone ?? '') && `phone ${m.phone}`,
        /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate ?? '') && `birthDate ${m.birthDate}`,
      ].filter((x): x is string => !!x);
const nodesOf = (data: any): any[] => (data?.edges ?? []).map((e: any) => e.node);

// Valid GB 11643 ID numbers for this file's fixtures (check characters computed once with the
// members service's idNumberCheckCharacter); every run has databases of its own.
const ID_NUMBERS = [
  '130903197001103001', '130903197102113014', '130903197203123027', '13090319730413303X',
  '130903197405143042', '130903197506153055', '130903197607163068', '130903197708173070',
  '130903197809183083', '130903197910193091', '130903198011203107', '13090319811221311X',
  '130903198201223125', '130903198302233138', '130903198403243140', '130903198504253153',
  '130903198605263166', '130903198706273179', '130903198807103187', '13090319890811319X',
  '13090319700912320X', '130903197110133218', '130903197211143220', '130903197312153233',
  '130903197401163249', '130903197502173251', '130903197603183264', '130903197704193277',
  '130903197805203286', '130903197906213299', '130903198007223308', '130903198108233310',
  '130903198209243323', '130903198310253331', '130903198411263344', '130903198512273357',
]; // prettier-ignore

const SINCE = '2010-07-01T00:00:00+08:00';
const AT = '2020-03-01T00:00:00+08:00';

/**
 * Fixtures are in w.ids as `m.<key>`, apart from the other probe sets' keys. State-changing
 * probes aim each allowed role at a fixture of its own (`key:ADMIN`,
 * `key:ORG_ADMIN`); a role that is refused aims at ADMIN's, which refusals run before.
 */
const own = (w: World, role: Role, key: string) =>
  w.ids[`m.${key}:${role === 'ORG_ADMIN' ? 'ORG_ADMIN' : 'ADMIN'}`];
/** Outside targets: gridB's fixture (MEMBER's outside is another member of its own branch). */
const outsideOf = (w: World, role: Role, key: string) =>
  role === 'MEMBER' ? w.ids[`m.${key}:ADMIN`] : w.ids[`m.${key}:B`];

/** A registration's inputs in gridA and gridB (registerMember and its check take the same). */
const registrationTargets = (label: string) => ({
  inside: (w: World, role: Role) => ({
    input: {
      organizationId: w.org.gridA,
      name: `${label}${role}`,
      idNumber: registerIdNumber(role, 'in'),
      status: 'FULL',
      statusSince: SINCE,
    },
  }),
  outside: (w: World, role: Role) => ({
    input: {
      organizationId: w.org.gridB,
      name: `${label}${role}`,
      idNumber: registerIdNumber(role, 'out'),
      status: 'FULL',
      statusSince: SINCE,
    },
  }),
});

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;

async function setup(w: World, api: AdminApi): Promise<void> {
  const org = async (key: string, parentId: string, kind: string, sector: string) => {
    const input = { name: `成员探针${key}`, kind, sector, regionCode: '130903', parentId };
    w.ids[key] = (await api.admin(CREATE_ORG, { input })).createOrganization.id;
  };
  await org('m.branchA2', w.org.communityA, 'BRANCH', 'GRID');
  await org('m.branchB2', w.org.communityB, 'BRANCH', 'GRID');
  await org('m.projectBranchA', w.org.communityA, 'TEMPORARY_BRANCH', 'CONSTRUCTION_PROJECT');
  await org('m.projectBranchB', w.org.communityB, 'TEMPORARY_BRANCH', 'CONSTRUCTION_PROJECT');

  let next = 0;
  const register = (organizationId: string, extra: Record<string, unknown> = {}) => {
    const n = next++;
    const input = {
      organizationId,
      name: `探针党员${n}`,
      idNumber: ID_NUMBERS[n],
      status: 'FULL',
      statusSince: SINCE,
      ...extra,
    };
    return api.admin(REGISTER, { input }).then((d) => d.registerMember.id as string);
  };
  // Per fixture: ADMIN's and ORG_ADMIN's in gridA, and one in gridB.
  const three = async (key: string, extra: Record<string, unknown> = {}) => {
    w.ids[`m.${key}:ADMIN`] = await register(w.org.gridA, extra);
    w.ids[`m.${key}:ORG_ADMIN`] = await register(w.org.gridA, extra);
    w.ids[`m.${key}:B`] = await register(w.org.gridB, extra);
  };
  await three('update');
  await three('advance', { status: 'PROBATIONARY' });
  await three('leave');
  await three('registerReport', { inService: true });
  await three('endReport', { inService: true });
  await three('assignFloating');
  await three('endFloating');
  await three('requestTransfer');
  await three('acceptTransfer');
  await three('rejectTransfer');

  const REPORT = `mutation($input: RegisterDoubleReportInput!) { registerDoubleReport(input: $input) { id } }`;
  const report = async (memberId: string, communityId: string) =>
    (await api.admin(REPORT, { input: { communityId, memberId, since: AT } })).registerDoubleReport
      .id as string;
  for (const role of ['ADMIN', 'ORG_ADMIN'] as const)
    w.ids[`m.endReportId:${role}`] = await report(w.ids[`m.endReport:${role}`], w.org.communityA);
  w.ids['m.endReportId:B'] = await report(w.ids['m.endReport:B'], w.org.communityB);
  // The MEMBER ends its own registration: the one exception to "fixtures only", since a member
  // acts on no one but itself (its ended registration and in-service flag touch no other row).
  await api.admin(`mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`, {
    input: { id: w.self, inService: true },
  });
  w.ids['m.endReportId:MEMBER'] = await report(w.self, w.org.communityA);

  const FLOAT = `mutation($input: AssignFloatingInput!) { assignFloating(input: $input) { id } }`;
  for (const [key, branch] of [
    ['m.endFloating:ADMIN', 'm.projectBranchA'],
    ['m.endFloating:ORG_ADMIN', 'm.projectBranchA'],
    ['m.endFloating:B', 'm.projectBranchB'],
  ])
    // The new branches reach the members service's projection a little later.
    await api.eventually(() =>
      api.admin(FLOAT, {
        input: { memberId: w.ids[key], projectBranchId: w.ids[branch], from: AT },
      }),
    );

  const TRANSFER = `mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id } }`;
  for (const decision of ['acceptTransfer', 'rejectTransfer'])
    for (const [suffix, to] of [
      ['ADMIN', 'm.branchA2'],
      ['ORG_ADMIN', 'm.branchA2'],
      ['B', 'm.branchB2'],
    ]) {
      const input = { memberId: w.ids[`m.${decision}:${suffix}`], toOrganizationId: w.ids[to] };
      w.ids[`m.${decision}Id:${suffix}`] = (
        await api.eventually(() => api.admin(TRANSFER, { input: { ...input, reason: '工作调动' } }))
      ).requestTransfer.id;
    }

  const ids = await api.admin(
    `query($a: ID!, $b: ID!) { a: member(id: $a) { idNumber } b: member(id: $b) { idNumber } }`,
    { a: w.peer, b: w.stranger },
  );
  w.ids['m.peerIdNumber'] = ids.a.idNumber;
  w.ids['m.strangerIdNumber'] = ids.b.idNumber;
}

const registerIdNumber = (role: Role, where: 'in' | 'out') =>
  ID_NUMBERS[ID_NUMBERS.length - 1 - (where === 'out' ? 2 : role === 'ORG_ADMIN' ? 1 : 0)];

export const membersProbes: ProbeSet = {
  setup,
  probes: {
    'Query.member': {
      document: `query($id: ID!) { member(id: $id) { ${MEMBER} } }`,
      inside: (w) => ({ id: w.self }),
      outside: (w, role) => ({ id: otherMember(w, role) }),
      unmasked: unmaskedMember,
    },
    'Query.members': {
      document: `query($organizationId: ID) { members(organizationId: $organizationId, first: 100) { edges { node { ${MEMBER} } } } }`,
      // Without organizationId: whatever the role may list.
      inside: () => ({}),
      outside: (w) => ({ organizationId: w.org.gridB }),
      leaks: (data, w, role) =>
        nodesOf(data)
          .map((m) => m.id)
          .filter((id) => (role === 'MEMBER' ? id !== w.self : id === w.stranger)),
      unmasked: (data) => nodesOf(data).flatMap(unmaskedMember),
    },
    'Query.memberByIdNumber': {
      document: `query($idNumber: String!) { memberByIdNumber(idNumber: $idNumber) { ${MEMBER} } }`,
      inside: (w) => ({ idNumber: w.ids['m.peerIdNumber'] }),
      outside: (w) => ({ idNumber: w.ids['m.strangerIdNumber'] }),
    },
    // The registration's own rules, without the write: the same inputs as registerMember's.
    'Query.memberRegistrationCheck': {
      document: `query($input: RegisterMemberInput!) { memberRegistrationCheck(input: $input) { alreadyRegistered } }`,
      ...registrationTargets('核验'),
    },
    // The audit trail of unmasked personal data: the auditor's alone, for any subtree.
    'Query.personalDataReveals': {
      document: `query($organizationId: ID!) { personalDataReveals(organizationId: $organizationId, period: "2026") { totalCount } }`,
      inside: (w) => ({ organizationId: w.org.gridA }),
      outside: (w) => ({ organizationId: w.org.gridB }),
    },
    'Query.memberStats': {
      document: `query($organizationId: ID) { memberStats(organizationId: $organizationId) { organizationId total } }`,
      inside: (w) => ({ organizationId: w.org.gridA }),
      outside: (w) => ({ organizationId: w.org.gridB }),
    },
    'Mutation.registerMember': {
      document: REGISTER,
      ...registrationTargets('登记'),
    },
    'Mutation.updateMember': {
      document: `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: own(w, role, 'update'), occupation: `改${role}` } }),
      outside: (w, role) => ({
        input: { id: outsideOf(w, role, 'update'), occupation: `改${role}` },
      }),
    },
    'Mutation.advanceMemberStatus': {
      document: `mutation($input: AdvanceMemberStatusInput!) { advanceMemberStatus(input: $input) { id } }`,
      inside: (w, role) => ({ input: { memberId: own(w, role, 'advance'), to: 'FULL', at: AT } }),
      outside: (w, role) => ({
        input: { memberId: outsideOf(w, role, 'advance'), to: 'FULL', at: AT },
      }),
    },
    'Mutation.leaveParty': {
      document: `mutation($input: LeavePartyInput!) { leaveParty(input: $input) { id } }`,
      inside: (w, role) => ({ input: { memberId: own(w, role, 'leave'), at: AT, reason: '退党' } }),
      outside: (w, role) => ({
        input: { memberId: outsideOf(w, role, 'leave'), at: AT, reason: '退党' },
      }),
    },
    'Mutation.registerDoubleReport': {
      document: `mutation($input: RegisterDoubleReportInput!) { registerDoubleReport(input: $input) { id } }`,
      // MEMBER registers itself; setup already did (see endDoubleReport), so it meets the
      // one-community rule: a business error after the access check, not a refusal.
      inside: (w, role) => ({
        input: {
          communityId: w.org.communityA,
          memberId: role === 'MEMBER' ? w.self : own(w, role, 'registerReport'),
          since: AT,
        },
      }),
      outside: (w, role) => ({
        input: {
          communityId: role === 'MEMBER' ? w.org.communityA : w.org.communityB,
          memberId: outsideOf(w, role, 'registerReport'),
          since: AT,
        },
      }),
      tolerate: ['BAD_USER_INPUT', 'CONFLICT'],
    },
    'Mutation.endDoubleReport': {
      document: `mutation($input: EndDoubleReportInput!) { endDoubleReport(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          id: role === 'MEMBER' ? w.ids['m.endReportId:MEMBER'] : own(w, role, 'endReportId'),
          until: '2021-03-01T00:00:00+08:00',
        },
      }),
      outside: (w, role) => ({
        input: { id: outsideOf(w, role, 'endReportId'), until: '2021-03-01T00:00:00+08:00' },
      }),
    },
    'Mutation.assignFloating': {
      document: `mutation($input: AssignFloatingInput!) { assignFloating(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          memberId: own(w, role, 'assignFloating'),
          projectBranchId: w.ids['m.projectBranchA'],
          from: AT,
        },
      }),
      outside: (w, role) => ({
        input: {
          memberId: outsideOf(w, role, 'assignFloating'),
          projectBranchId: w.ids['m.projectBranchB'],
          from: AT,
        },
      }),
    },
    'Mutation.endFloating': {
      document: `mutation($input: EndFloatingInput!) { endFloating(input: $input) { id } }`,
      inside: (w, role) => ({
        input: { memberId: own(w, role, 'endFloating'), to: '2021-03-01T00:00:00+08:00' },
      }),
      outside: (w, role) => ({
        input: { memberId: outsideOf(w, role, 'endFloating'), to: '2021-03-01T00:00:00+08:00' },
      }),
    },
    'Mutation.requestTransfer': {
      document: `mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id } }`,
      // MEMBER asks for itself, towards a node that holds no membership (a community's party
      // committee): BAD_USER_INPUT after the access check, and no pending transfer on a shared
      // member.
      inside: (w, role) => ({
        input:
          role === 'MEMBER'
            ? { memberId: w.self, toOrganizationId: w.org.communityA, reason: '工作调动' }
            : {
                memberId: own(w, role, 'requestTransfer'),
                toOrganizationId: w.ids['m.branchA2'],
                reason: '工作调动',
              },
      }),
      outside: (w, role) => ({
        input: {
          memberId: outsideOf(w, role, 'requestTransfer'),
          toOrganizationId: role === 'MEMBER' ? w.ids['m.branchA2'] : w.ids['m.branchB2'],
          reason: '工作调动',
        },
      }),
      tolerate: ['BAD_USER_INPUT'],
    },
    'Mutation.acceptTransfer': {
      document: `mutation($input: DecideTransferInput!) { acceptTransfer(input: $input) { id } }`,
      inside: (w, role) => ({ input: { transferId: own(w, role, 'acceptTransferId') } }),
      outside: (w, role) => ({ input: { transferId: outsideOf(w, role, 'acceptTransferId') } }),
    },
    'Mutation.rejectTransfer': {
      document: `mutation($input: DecideTransferInput!) { rejectTransfer(input: $input) { id } }`,
      inside: (w, role) => ({
        input: { transferId: own(w, role, 'rejectTransferId'), note: '材料不全' },
      }),
      outside: (w, role) => ({
        input: { transferId: outsideOf(w, role, 'rejectTransferId'), note: '材料不全' },
      }),
    },
  },
};
