import type { Role } from '@jiceng/auth';
import { tokenFor } from '@jiceng/testing';
import type { AdminApi, Probe, ProbeSet, World } from '../probe';
import { serviceDayProbes, serviceDaySetup } from './service-days';

// Volunteering's targets: tasks, wishes and requests of communityA (inside every scoped role's
// subtree) and communityB (outside). The claim-like rows aim each role that may act at a fixture
// of its own (`set`), so one role's approval or withdrawal leaves the next role's target intact.

const PLACE = { longitude: 116.8683, latitude: 38.3037 };
const HOUR = 3600_000;

/** A claim per actor: the member's own, its peer's, units of gridA/gridB, communities A/B. */
interface ClaimSet {
  self: string;
  peer: string;
  orgA: string;
  adminA: string;
  orgB: string;
  adminB: string;
}

/** The fixture a role aims at: its own where it acts; refused roles aim at ADMIN's (untouched). */
function pick(set: ClaimSet, role: Role, side: 'inside' | 'outside'): string {
  if (role === 'MEMBER') return side === 'inside' ? set.self : set.peer;
  if (role === 'ORG_ADMIN') return side === 'inside' ? set.orgA : set.orgB;
  return side === 'inside' ? set.adminA : set.adminB;
}

const sets: Record<string, ClaimSet> = {};
const byRole = (key: string) => ({
  inside: (w: World, role: Role) => ({ id: w.ids[`${key}_${role === 'ORG_ADMIN' ? 'O' : 'A'}A`] }),
  outside: (w: World, role: Role) => ({ id: w.ids[`${key}_${role === 'ORG_ADMIN' ? 'O' : 'A'}B`] }),
});

const CLAIM = 'id state communityId memberId organizationId';
const claimProbe = (mutation: string, input: string, extra: Record<string, unknown>): Probe => ({
  document: `mutation($input: ${input}!) { ${mutation}(input: $input) { ${CLAIM} } }`,
  inside: (_w, role) => ({ input: { claimId: pick(sets[mutation], role, 'inside'), ...extra } }),
  outside: (_w, role) => ({ input: { claimId: pick(sets[mutation], role, 'outside'), ...extra } }),
  tolerate: ['CONFLICT'],
});

/** A request or wish step aimed at the acting role's own fixture (see byRole). */
const targetProbe = (mutation: string, input: string, extra: Record<string, unknown>): Probe => {
  const target = byRole(mutation);
  return {
    document: `mutation($input: ${input}!) { ${mutation}(input: $input) { id state } }`,
    inside: (w, role) => ({ input: { ...target.inside(w, role), ...extra } }),
    outside: (w, role) => ({ input: { ...target.outside(w, role), ...extra } }),
    tolerate: ['CONFLICT'],
  };
};

const taskInput = (communityId: string, title: string, audience = 'BOTH') => ({
  communityId,
  title,
  category: 'ENVIRONMENT',
  audience,
  slots: 20,
  place: PLACE,
  radiusMeters: 500,
  // Started an hour ago: check-in is open now.
  startsAt: new Date(Date.now() - HOUR).toISOString(),
  endsAt: new Date(Date.now() + 8 * HOUR).toISOString(),
  points: 5,
});

/** Node ids of a connection answer that belong to communityB. */
const fromB = (data: any, w: World): string[] =>
  (data?.edges ?? [])
    .map((e: any) => e.node)
    .filter((n: any) => n.communityId === w.org.communityB)
    .map((n: any) => `${n.id} of communityB`);

const year = String(new Date().getFullYear());

async function setup(w: World, api: AdminApi): Promise<void> {
  const { org } = w;
  const memberToken = (memberId: string, orgId: string) => tokenFor('MEMBER', orgId, memberId);
  const self = memberToken(w.self, org.gridA);
  const peer = memberToken(w.peer, org.gridA);
  const stranger = memberToken(w.stranger, org.gridB);
  const as = async (token: string, document: string, variables: Record<string, unknown>) => {
    const res = await api.as(token, document, variables);
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  };

  let n = 0;
  const publish = async (community: string, audience = 'BOTH') =>
    (
      await api.admin(
        `mutation($input: PublishVolunteerTaskInput!) { publishVolunteerTask(input: $input) { id } }`,
        { input: taskInput(org[community], `访问表任务 ${w.run} ${++n}`, audience) },
      )
    ).publishVolunteerTask.id as string;
  // The communities must first reach volunteering's organization projection.
  w.ids.taskA = await api.eventually(() => publish('communityA'));
  await api.eventually(() => publish('communityB'));
  w.ids.taskB = await publish('communityB');
  w.ids.taskB_members = await publish('communityB', 'MEMBERS');
  w.ids.taskB_orgs = await publish('communityB', 'ORGANIZATIONS');

  const CLAIM_TASK = `mutation($input: ClaimVolunteerTaskInput!) { claimVolunteerTask(input: $input) { id } }`;
  const claimAs = async (token: string, taskId: string, organizationId?: string) =>
    (await as(token, CLAIM_TASK, { input: { taskId, organizationId } })).claimVolunteerTask
      .id as string;
  const adminToken = api.token('ADMIN');
  const manual = (step: 'manualVolunteerCheckIn' | 'manualVolunteerCheckOut', claimId: string) =>
    api.admin(`mutation($input: ManualAttendanceInput!) { ${step}(input: $input) { id } }`, {
      input: { claimId, reason: '访问表准备' },
    });
  const approve = (claimId: string) =>
    api.admin(`mutation($input: ApproveClaimInput!) { approveClaim(input: $input) { id } }`, {
      input: { claimId },
    });
  const claimSet = async (state: 'CLAIMED' | 'CHECKED_IN' | 'CHECKED_OUT' | 'APPROVED') => {
    const taskA = await publish('communityA');
    const taskB = await publish('communityB');
    const set: ClaimSet = {
      self: await claimAs(self, taskA),
      peer: await claimAs(peer, taskA),
      orgA: await claimAs(adminToken, taskA, org.gridA),
      adminA: await claimAs(adminToken, taskA, org.communityA),
      orgB: await claimAs(adminToken, taskB, org.gridB),
      adminB: await claimAs(adminToken, taskB, org.communityB),
    };
    for (const id of Object.values(set)) {
      if (state === 'CLAIMED') continue;
      await manual('manualVolunteerCheckIn', id);
      if (state === 'CHECKED_IN') continue;
      await manual('manualVolunteerCheckOut', id);
      if (state === 'APPROVED') await approve(id);
    }
    return set;
  };
  const read = await claimSet('CLAIMED');
  w.ids.claimSelf = read.self;
  w.ids.claimPeer = read.peer;
  w.ids.claimB = read.adminB;
  sets.volunteerCheckIn = await claimSet('CLAIMED');
  sets.volunteerCheckOut = await claimSet('CHECKED_IN');
  sets.manualVolunteerCheckIn = await claimSet('CLAIMED');
  sets.manualVolunteerCheckOut = await claimSet('CHECKED_IN');
  sets.withdrawClaim = await claimSet('CLAIMED');
  sets.approveClaim = await claimSet('CHECKED_OUT');
  sets.rejectClaim = await claimSet('CHECKED_OUT');
  sets.revokeClaimApproval = await claimSet('APPROVED');
  w.ids.claimTaskA = await publish('communityA');
  w.ids.claimTaskB = await publish('communityB');
  for (const key of ['cancelVolunteerTask_AA', 'cancelVolunteerTask_OA'])
    w.ids[key] = await publish('communityA');
  w.ids.cancelVolunteerTask_AB = w.ids.cancelVolunteerTask_OB = await publish('communityB');

  // Micro-wishes: collected, or claimed by a member.
  const collect = async (community: string) =>
    (
      await api.admin(
        `mutation($input: CollectMicroWishInput!) { collectMicroWish(input: $input) { id } }`,
        {
          input: {
            communityId: org[community],
            title: `访问表心愿 ${w.run} ${++n}`,
            wisherKind: 'RESIDENT',
          },
        },
      )
    ).collectMicroWish.id as string;
  const claimedWish = async (community: string, token: string) => {
    const id = await collect(community);
    await as(
      token,
      `mutation($input: ClaimMicroWishInput!) { claimMicroWish(input: $input) { id } }`,
      {
        input: { id },
      },
    );
    return id;
  };
  w.ids.wishA = await collect('communityA');
  w.ids.wishB = await collect('communityB');
  w.ids.wishPeer = await claimedWish('communityA', peer);
  w.ids.claimWishA = await collect('communityA');
  w.ids.claimWishB = await collect('communityB');
  w.ids.fulfillSelf = await claimedWish('communityA', self);
  w.ids.fulfillPeer = await claimedWish('communityA', peer);
  w.ids.fulfillMicroWish_AA = await claimedWish('communityA', peer);
  w.ids.fulfillMicroWish_OA = await claimedWish('communityA', peer);
  w.ids.fulfillMicroWish_AB = await claimedWish('communityB', stranger);
  w.ids.fulfillMicroWish_OB = await claimedWish('communityB', stranger);
  w.ids.cancelMicroWish_AA = await collect('communityA');
  w.ids.cancelMicroWish_OA = await collect('communityA');
  w.ids.cancelMicroWish_AB = w.ids.cancelMicroWish_OB = await collect('communityB');

  // Service requests, each step's fixtures in the state the step starts from.
  const steps = [
    ['acceptServiceRequest', 'AcceptServiceRequestInput', {}],
    ['respondServiceRequest', 'RespondServiceRequestInput', { response: '已安排处理' }],
    ['closeServiceRequest', 'CloseServiceRequestInput', { note: '核查无误' }],
    ['evaluateServiceRequest', 'EvaluateServiceRequestInput', { satisfaction: 'SATISFIED' }],
  ] as const;
  const request = async (community: string, stepsDone: number) => {
    const id = (
      await api.admin(
        `mutation($input: ReportServiceRequestInput!) { reportServiceRequest(input: $input) { id } }`,
        {
          input: {
            communityId: org[community],
            title: `访问表诉求 ${w.run} ${++n}`,
            category: 'ENVIRONMENT',
            channel: 'HOTLINE',
          },
        },
      )
    ).reportServiceRequest.id as string;
    for (const [mutation, input, extra] of steps.slice(0, stepsDone))
      await api.admin(`mutation($input: ${input}!) { ${mutation}(input: $input) { id } }`, {
        input: { id, ...extra },
      });
    return id;
  };
  w.ids.requestA = await request('communityA', 0);
  w.ids.requestB = await request('communityB', 0);
  const fixtures: [string, number][] = [
    ['acceptServiceRequest', 0],
    ['declineServiceRequest', 0],
    ['respondServiceRequest', 1],
    ['closeServiceRequest', 2],
    ['evaluateServiceRequest', 3],
  ];
  for (const [mutation, done] of fixtures) {
    w.ids[`${mutation}_AA`] = await request('communityA', done);
    w.ids[`${mutation}_OA`] = await request('communityA', done);
    w.ids[`${mutation}_AB`] = w.ids[`${mutation}_OB`] = await request('communityB', done);
  }
  await serviceDaySetup(w, api);
}

/** Organization-wide reads: communityA inside (a MEMBER aims at its own branch), B outside. */
const orgRead = (document: string, extra: Record<string, unknown> = {}): Probe => ({
  document,
  inside: (w, role) => ({ o: role === 'MEMBER' ? w.org.gridA : w.org.communityA, ...extra }),
  outside: (w) => ({ o: w.org.communityB, ...extra }),
});

export const volunteeringProbes: ProbeSet = {
  setup,
  probes: {
    ...serviceDayProbes,
    'Query.volunteerTask': {
      document: `query($id: ID!) { volunteerTask(id: $id) { id communityId audience } }`,
      inside: (w) => ({ id: w.ids.taskA }),
      // Outside a caller's subtree only the board's notices posted for it are readable.
      outside: (w, role) => ({
        id:
          role === 'MEMBER'
            ? w.ids.taskB_orgs
            : role === 'ORG_ADMIN'
              ? w.ids.taskB_members
              : w.ids.taskB,
      }),
    },
    'Query.claimableVolunteerTasks': {
      document: `query($filter: VolunteerTaskFilter) { claimableVolunteerTasks(filter: $filter, first: 100) {
        edges { node { id communityId } } } }`,
      inside: () => ({}),
      outside: (w) => ({ filter: { organizationId: w.org.communityB } }),
      leaks: fromB,
    },
    'Query.volunteerClaim': {
      document: `query($id: ID!) { volunteerClaim(id: $id) { ${CLAIM} } }`,
      inside: (w) => ({ id: w.ids.claimSelf }),
      outside: (w, role) => ({ id: role === 'MEMBER' ? w.ids.claimPeer : w.ids.claimB }),
    },
    'Query.volunteerClaims': orgRead(
      `query($o: ID!) { volunteerClaims(organizationId: $o, first: 100) { edges { node { ${CLAIM} } } } }`,
    ),
    'Query.microWish': {
      document: `query($id: ID!) { microWish(id: $id) { id communityId state memberId } }`,
      inside: (w) => ({ id: w.ids.wishA }),
      outside: (w, role) => ({ id: role === 'MEMBER' ? w.ids.wishPeer : w.ids.wishB }),
    },
    'Query.openMicroWishes': {
      document: `query($o: ID) { openMicroWishes(organizationId: $o, first: 100) {
        edges { node { id communityId } } } }`,
      inside: () => ({}),
      outside: (w) => ({ o: w.org.communityB }),
      leaks: fromB,
    },
    'Query.microWishStats': orgRead(
      `query($o: ID!) { microWishStats(organizationId: $o) { collected fulfilled } }`,
    ),
    'Query.serviceRequest': {
      document: `query($id: ID!) { serviceRequest(id: $id) { id state } }`,
      inside: (w) => ({ id: w.ids.requestA }),
      outside: (w) => ({ id: w.ids.requestB }),
    },
    'Query.serviceRequestStats': orgRead(
      `query($o: ID!, $period: String!) { serviceRequestStats(organizationId: $o, period: $period) { period } }`,
      { period: year },
    ),
    'Query.workCalendar': {
      document: `query { workCalendar(year: 2024) { date kind } }`,
      inside: () => ({}),
    },
    'Mutation.publishVolunteerTask': {
      document: `mutation($input: PublishVolunteerTaskInput!) { publishVolunteerTask(input: $input) { id } }`,
      inside: (w, role) => ({ input: taskInput(w.org.communityA, `发布 ${w.run} ${role} 内`) }),
      outside: (w, role) => ({ input: taskInput(w.org.communityB, `发布 ${w.run} ${role} 外`) }),
    },
    'Mutation.cancelVolunteerTask': {
      document: `mutation($input: CancelVolunteerTaskInput!) { cancelVolunteerTask(input: $input) { id status } }`,
      inside: (w, role) => ({
        input: { ...byRole('cancelVolunteerTask').inside(w, role), reason: '访问表' },
      }),
      outside: (w, role) => ({
        input: { ...byRole('cancelVolunteerTask').outside(w, role), reason: '访问表' },
      }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.issueCheckInToken': {
      document: `mutation($t: ID!) { issueCheckInToken(taskId: $t) { taskId expiresAt } }`,
      inside: (w) => ({ t: w.ids.taskA }),
      outside: (w) => ({ t: w.ids.taskB }),
    },
    'Mutation.volunteerCheckIn': claimProbe('volunteerCheckIn', 'VolunteerAttendanceInput', {
      position: PLACE,
    }),
    'Mutation.volunteerCheckOut': claimProbe('volunteerCheckOut', 'VolunteerAttendanceInput', {
      position: PLACE,
    }),
    'Mutation.manualVolunteerCheckIn': claimProbe(
      'manualVolunteerCheckIn',
      'ManualAttendanceInput',
      {
        reason: '手机没电，组织者代签',
      },
    ),
    'Mutation.manualVolunteerCheckOut': claimProbe(
      'manualVolunteerCheckOut',
      'ManualAttendanceInput',
      { reason: '忘记签退，组织者代签' },
    ),
    'Mutation.claimVolunteerTask': {
      document: `mutation($input: ClaimVolunteerTaskInput!) { claimVolunteerTask(input: $input) { ${CLAIM} } }`,
      inside: (w, role) => ({
        input: {
          taskId: w.ids.claimTaskA,
          organizationId:
            role === 'ADMIN' ? w.org.communityA : role === 'ORG_ADMIN' ? w.org.gridA : undefined,
        },
      }),
      // A member claims tasks anywhere (双报到); a unit's admin claims for its own subtree only.
      outside: (w, role) => ({
        input:
          role === 'ORG_ADMIN'
            ? { taskId: w.ids.claimTaskA, organizationId: w.org.gridB }
            : {
                taskId: w.ids.claimTaskB,
                organizationId: role === 'ADMIN' ? w.org.communityB : undefined,
              },
      }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.withdrawClaim': {
      document: `mutation($input: WithdrawClaimInput!) { withdrawClaim(input: $input) { ${CLAIM} } }`,
      inside: (_w, role) => ({ input: { claimId: pick(sets.withdrawClaim, role, 'inside') } }),
      outside: (_w, role) => ({ input: { claimId: pick(sets.withdrawClaim, role, 'outside') } }),
      tolerate: ['CONFLICT'],
    },
    'Mutation.collectMicroWish': {
      document: `mutation($input: CollectMicroWishInput!) { collectMicroWish(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          communityId: w.org.communityA,
          title: `征集 ${w.run} ${role}`,
          wisherKind: 'ELDERLY',
        },
      }),
      outside: (w, role) => ({
        input: {
          communityId: w.org.communityB,
          title: `征集 ${w.run} ${role}`,
          wisherKind: 'ELDERLY',
        },
      }),
    },
    'Mutation.claimMicroWish': {
      document: `mutation($input: ClaimMicroWishInput!) { claimMicroWish(input: $input) { id state memberId } }`,
      inside: (w) => ({ input: { id: w.ids.claimWishA } }),
      outside: (w) => ({ input: { id: w.ids.claimWishB } }),
    },
    'Mutation.fulfillMicroWish': (() => {
      const probe = targetProbe('fulfillMicroWish', 'FulfillMicroWishInput', { note: '已送达' });
      return {
        ...probe,
        inside: (w: World, role: Role) =>
          role === 'MEMBER'
            ? { input: { id: w.ids.fulfillSelf, note: '已送达' } }
            : probe.inside(w, role),
        outside: (w: World, role: Role) =>
          role === 'MEMBER'
            ? { input: { id: w.ids.fulfillPeer, note: '已送达' } }
            : probe.outside!(w, role),
      };
    })(),
    'Mutation.cancelMicroWish': targetProbe('cancelMicroWish', 'CancelMicroWishInput', {
      reason: '心愿人已自行解决',
    }),
    'Mutation.approveClaim': claimProbe('approveClaim', 'ApproveClaimInput', {}),
    'Mutation.rejectClaim': claimProbe('rejectClaim', 'RejectClaimInput', { reason: '未到岗' }),
    'Mutation.revokeClaimApproval': claimProbe('revokeClaimApproval', 'RevokeClaimApprovalInput', {
      reason: '重复登记',
    }),
    'Mutation.reportServiceRequest': {
      document: `mutation($input: ReportServiceRequestInput!) { reportServiceRequest(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          communityId: w.org.communityA,
          title: `上报 ${w.run} ${role}`,
          category: 'SAFETY',
          channel: 'GRID',
        },
      }),
      outside: (w, role) => ({
        input: {
          communityId: w.org.communityB,
          title: `上报 ${w.run} ${role}`,
          category: 'SAFETY',
          channel: 'GRID',
        },
      }),
    },
    'Mutation.acceptServiceRequest': targetProbe(
      'acceptServiceRequest',
      'AcceptServiceRequestInput',
      {},
    ),
    'Mutation.declineServiceRequest': targetProbe(
      'declineServiceRequest',
      'DeclineServiceRequestInput',
      { reason: '不属于受理范围' },
    ),
    'Mutation.respondServiceRequest': targetProbe(
      'respondServiceRequest',
      'RespondServiceRequestInput',
      { response: '已协调物业处理' },
    ),
    'Mutation.closeServiceRequest': targetProbe('closeServiceRequest', 'CloseServiceRequestInput', {
      note: '回访确认已解决',
    }),
    'Mutation.evaluateServiceRequest': targetProbe(
      'evaluateServiceRequest',
      'EvaluateServiceRequestInput',
      { satisfaction: 'BASICALLY_SATISFIED' },
    ),
    'Mutation.setWorkCalendarDay': {
      // NORMAL on a far date: ADMIN's call leaves the calendar as it was.
      document: `mutation($input: SetWorkCalendarDayInput!) { setWorkCalendarDay(input: $input) { date } }`,
      inside: () => ({ input: { date: '2099-12-31', kind: 'NORMAL' } }),
    },
  },
};
