import { Topics } from '@jiceng/events';
import {
  dataOf,
  waitFor,
  withSubgraphStack,
  type GraphQLResult,
  type OrgSpec,
} from '@jiceng/testing';
import { consumerGroups, creditEnv } from '../src/credit.env';

// Two instances of volunteering and two of credit behind the gateway, as two replicas of each
// Deployment: organizations' claims are checked in, out and approved through the gateway (round
// robin over the volunteering instances), and one instance of each is killed (SIGKILL) in the
// middle. The survivors carry on: the gateway sends new requests to the live instance, the live
// relay publishes what the dead one left once its claims expire, the live ledger takes over the
// dead one's partitions. Every organization's balance must come out exact, and the topic carries
// few duplicates: only what the dead relay had published and not yet marked.

const TASKS = 20;
const ORGS = 12;
const POINTS = 5;
const WORKERS = 6;

const BRANCHES: OrgSpec[] = Array.from({ length: ORGS }, (_, i) => ({
  key: `branch${i}`,
  parent: 'community',
  name: `双实例第${i + 1}网格党支部`,
  kind: 'BRANCH',
  sector: 'COMMUNITY',
}));
const TREE: OrgSpec[] = [
  { key: 'district', name: '双实例区委', kind: 'PARTY_COMMITTEE', sector: 'STATE_ORGAN' },
  {
    key: 'community',
    parent: 'district',
    name: '双实例社区党委',
    kind: 'PARTY_COMMITTEE',
    sector: 'COMMUNITY',
  },
  ...BRANCHES,
];

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two instances of volunteering and of credit, one of each killed mid-stream', () => {
  const stack = withSubgraphStack({
    tag: 'two',
    services: ['organizations', 'volunteering', 'credit'],
    instances: { volunteering: 2, credit: 2 },
    // Claims expire soon and the collection is searched often, so that the dead relay's records
    // are taken over within seconds rather than the production 30 s + 60 s.
    env: { volunteering: { OUTBOX_CLAIM_MS: '2000', OUTBOX_SCAN_MS: '1000' } },
    tree: TREE,
    probes: [Topics.volunteeringCheckins],
  });
  const { org, q } = stack;
  const admin = () => stack.adminToken;

  const CLAIM = 'id state';
  const steps = {
    CLAIMED: (claimId: string) =>
      q(
        admin(),
        `mutation($i: ManualAttendanceInput!) { manualVolunteerCheckIn(input: $i) { ${CLAIM} } }`,
        { i: { claimId, reason: '现场签到设备故障，补签' } },
      ),
    CHECKED_IN: (claimId: string) =>
      q(
        admin(),
        `mutation($i: ManualAttendanceInput!) { manualVolunteerCheckOut(input: $i) { ${CLAIM} } }`,
        { i: { claimId, reason: '现场签退设备故障，补签' } },
      ),
    CHECKED_OUT: (claimId: string) =>
      q(admin(), `mutation($i: ApproveClaimInput!) { approveClaim(input: $i) { ${CLAIM} } }`, {
        i: { claimId },
      }),
  } as const;

  let failedRequests = 0;
  /**
   * Walks a claim to APPROVED. A request the gateway could not complete (its instance killed
   * with it in flight) is not known to have happened: the claim's state is read again and the
   * walk goes on from there, as a client would.
   */
  async function approve(claimId: string): Promise<void> {
    let state: string = 'CLAIMED';
    for (let attempt = 0; state !== 'APPROVED'; attempt++) {
      if (attempt > 30) throw new Error(`claim ${claimId} stuck in ${state}`);
      const result: GraphQLResult = await steps[state as keyof typeof steps](claimId);
      if (!result.errors) {
        state = (Object.values(result.data!)[0] as { state: string }).state;
        continue;
      }
      failedRequests++;
      await sleep(200);
      const read = await q(admin(), 'query($id: ID!) { volunteerClaim(id: $id) { state } }', {
        id: claimId,
      });
      state = read.data?.volunteerClaim?.state ?? state;
    }
  }

  it('keeps every balance exact and duplicates few', async () => {
    const tasks: string[] = [];
    for (let t = 0; t < TASKS; t++) {
      const task = dataOf(
        await q(
          admin(),
          `mutation($i: PublishVolunteerTaskInput!) { publishVolunteerTask(input: $i) { id } }`,
          {
            i: {
              communityId: org.community,
              title: `双实例测试任务${t + 1}`,
              category: 'ANTI_FRAUD',
              audience: 'ORGANIZATIONS',
              slots: ORGS,
              place: { longitude: 116.84, latitude: 38.31 },
              radiusMeters: 200,
              startsAt: minutes(-10),
              endsAt: minutes(240),
              points: POINTS,
            },
          },
        ),
      ).publishVolunteerTask;
      tasks.push(task.id);
    }
    const claims: { claimId: string; organizationId: string }[] = [];
    for (const taskId of tasks)
      for (const branch of BRANCHES) {
        const claim = dataOf(
          await q(
            admin(),
            `mutation($i: ClaimVolunteerTaskInput!) { claimVolunteerTask(input: $i) { id } }`,
            { i: { taskId, organizationId: org[branch.key] } },
          ),
        ).claimVolunteerTask;
        claims.push({ claimId: claim.id, organizationId: org[branch.key] });
      }

    // Both ledgers share the check-ins' partitions before the kill: each instance runs
    // CREDIT_CONSUMERS_PER_GROUP consumers in the group.
    const ledgerGroup = consumerGroups(stack.groupPrefix('credit')).ledger;
    const ledgerMembers = 2 * creditEnv().consumersPerGroup;
    const groupAdmin = stack.kafka.admin();
    await groupAdmin.connect();
    const states: string[] = [];
    const members = await waitFor(async () => {
      const [group] = (await groupAdmin.describeGroups([ledgerGroup])).groups;
      states.push(`${group.state}/${group.members.length}`);
      return group.state === 'Stable' && group.members.length === ledgerMembers
        ? group.members
        : undefined;
    }, 120_000)
      .catch(() => [])
      .finally(() => groupAdmin.disconnect());
    expect([members.length, states.slice(-3)]).toEqual([ledgerMembers, states.slice(-3)]);
    // The stream: WORKERS clients walking claims; one instance of each service killed at 40%.
    let next = 0;
    let approved = 0;
    const killAt = Math.floor(claims.length * 0.4);
    let killed: Promise<void> | undefined;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < claims.length) {
          const { claimId } = claims[next++];
          await approve(claimId);
          if (++approved === killAt)
            killed = Promise.all([
              stack.instancesOf('volunteering')[1].kill(),
              stack.instancesOf('credit')[1].kill(),
            ]).then(() => undefined);
        }
      }),
    );
    await killed;
    const approvedIn = (Date.now() - started) / 1000;

    // Every approval reaches the ledger of the surviving credit instance, counted once.
    const expected = new Map<string, number>();
    for (const c of claims)
      expected.set(c.organizationId, (expected.get(c.organizationId) ?? 0) + POINTS);
    const credit = stack.db('credit');
    // An organization's points: its month totals (all of this month, far below the cap).
    const balances = async () => {
      const totals = await credit
        .collection('month_totals')
        .find({ accountId: { $in: [...expected.keys()] } })
        .toArray();
      const sums: Record<string, number> = {};
      for (const t of totals) sums[t.accountId] = (sums[t.accountId] ?? 0) + t.granted;
      return sums;
    };
    const settled = await waitFor(
      async () => {
        const now = await balances();
        return [...expected].every(([id, points]) => now[id] === points) ? now : undefined;
      },
      180_000,
      500,
    ).catch(() => balances());
    expect(settled).toEqual(Object.fromEntries(expected));
    expect(
      await credit
        .collection('ledger_entries')
        .countDocuments({ claimId: { $in: claims.map((c) => c.claimId) } }),
    ).toBe(claims.length);

    // On the topic: every approval at least once; duplicates only from the killed relay.
    const ours = new Set(claims.map((c) => c.claimId));
    const approvalsIn = (messages: { value: Buffer | null }[]) =>
      messages
        .map((m) => JSON.parse(String(m.value)))
        .filter((e) => e.type === 'jiceng.volunteering.checkin.approved' && ours.has(e.subject));
    const approvals = approvalsIn(
      await stack
        .probe(Topics.volunteeringCheckins)
        .waitFor(
          (messages) => new Set(approvalsIn(messages).map((e) => e.id)).size >= claims.length,
          60_000,
        ),
    );
    const distinct = new Set(approvals.map((e) => e.id));
    expect(distinct.size).toBe(claims.length);
    const duplicates = approvals.length - distinct.size;
    process.stderr.write(
      `${claims.length} approvals through two instances in ${approvedIn.toFixed(1)} s ` +
        `(${failedRequests} requests failed at the kill and were redone); ` +
        `${duplicates} duplicate approval messages on the topic\n`,
    );
    expect(duplicates).toBeLessThanOrEqual(100); // at most one relay batch in flight
  }, 600_000);
});
