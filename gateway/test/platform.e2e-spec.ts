import { randomBytes } from 'node:crypto';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  gql,
  SpanCollector,
  tokenFor,
  waitFor,
  waitForOrgProjection,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';

// The heart of the platform, each service its own process behind the gateway, over the real
// broker and Mongo-wire server: a volunteer's check-in, approved in volunteering, reaches the
// credit ledger as one event and becomes points for the member, its branch, its unit
// organization (双报到) and the firm behind a floating member's project branch, exactly once.

const QR_SECRET = `e2e-qr-${randomBytes(4).toString('hex')}`;
const PLACE = { longitude: 116.8388, latitude: 38.3037 }; // 沧州 运河区
const NEAR = { longitude: 116.8388, latitude: 38.3046 }; // ~100 m north
const FAR = { longitude: 116.8388, latitude: 38.3137 }; // ~1.1 km north
// Not a multiple of 5: the rules' 20 % and 50 % shares round down (2.6 → 2, 6.5 → 6).
const TASK_POINTS = 13;
// The broker and the Mongo-wire server are shared: other runs' events published meanwhile reach
// this run's consumers before its own. On an idle machine everything arrives within a second.
const EVENTUALLY_MS = 150_000;

// Valid check characters (GB 32100, GB 11643); each run has databases of its own, so fixed
// numbers never collide.
const FIRM_CREDIT_CODE = '91130632MA0PLATF9H';
const ID_NUMBER_M1 = '130903198506154319';
const ID_NUMBER_M2 = '130903197611200423';

interface ShareRule {
  mode: 'NONE' | 'FRACTION' | 'FIXED';
  value: number;
}
/** An organization's share of a member's points, as services/credit/src/rules/scoring.ts. */
const share = (rule: ShareRule, points: number) =>
  points <= 0
    ? 0
    : rule.mode === 'FRACTION'
      ? Math.floor(points * rule.value)
      : rule.mode === 'FIXED'
        ? rule.value
        : 0;

// The approval of M1's check-in is sent in a trace of the test's own (as a front end's
// instrumentation would), which every app exports to the collector here.
const APPROVAL_TRACE = randomBytes(16).toString('hex');
const APPROVAL_PARENT = randomBytes(8).toString('hex');

describe('platform: a volunteer check-in becomes credit points, through the gateway', () => {
  const collector = new SpanCollector();
  const traced: Record<string, string> = {};
  const volunteeringEnv: Record<string, string> = { QR_SECRET };
  // Before the stack's own beforeAll: the apps read their settings when they start.
  beforeAll(async () => {
    await collector.start();
    Object.assign(traced, {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    Object.assign(volunteeringEnv, traced);
  });
  afterAll(() => collector.stop());
  const stack = withSubgraphStack({
    tag: 'p',
    services: ['organizations', 'members', 'volunteering', 'credit'],
    env: {
      gateway: traced,
      organizations: traced,
      members: traced,
      volunteering: volunteeringEnv,
      credit: traced,
    },
    tree: [
      ...YUNHE_SAMPLE,
      {
        key: 'jointCommittee',
        parent: 'province',
        name: '雄安高铁站项目联合党委',
        kind: 'JOINT_COMMITTEE',
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: '130632',
      },
    ],
    probes: [Topics.volunteeringCheckins],
  });
  const { org, q, run } = stack;
  const admin = stack.adminToken;
  const db = (service: 'members' | 'volunteering' | 'credit') => stack.db(service);
  const checkins = () => stack.probe(Topics.volunteeringCheckins);
  let firmId: string;
  let communityAdmin: string;
  const m: Record<'m1' | 'm2', { id: string; token: string; claimId: string }> = {
    m1: { id: '', token: '', claimId: '' },
    m2: { id: '', token: '', claimId: '' },
  };
  let expected: Record<string, number>;

  const ok = async (token: string, query: string, variables?: object) =>
    dataOf(await q(token, query, variables));
  const balances = async () => {
    const data = await ok(
      admin,
      `query($m1: ID!, $m2: ID!, $grid: ID!, $unit: ID!, $site: ID!, $firm: ID!) {
        m1: member(id: $m1) { points }
        m2: member(id: $m2) { points }
        grid: organization(id: $grid) { points }
        unit: organization(id: $unit) { points }
        site: organization(id: $site) { points }
        firm: constructionFirm(id: $firm) { creditPoints } }`,
      {
        m1: m.m1.id,
        m2: m.m2.id,
        grid: org.gridA,
        unit: org.unit,
        site: org.site,
        firm: firmId,
      },
    );
    return {
      m1: data.m1.points,
      m2: data.m2.points,
      gridA: data.grid.points,
      unit: data.unit.points,
      projectBranch: data.site.points,
      firm: data.firm.creditPoints,
    };
  };
  const approvalsOf = (claimId: string) =>
    checkins()
      .messages.map((msg) => JSON.parse(String(msg.value)))
      .filter((e) => e.subject === claimId && e.type === 'jiceng.volunteering.checkin.approved');

  beforeAll(() => {
    communityAdmin = tokenFor('ORG_ADMIN', org.communityA);
  });

  it('sets up the firm behind the project branch and the members, and every projection learns them', async () => {
    firmId = (
      await ok(
        admin,
        'mutation($i: CreateConstructionFirmInput!) { createConstructionFirm(input: $i) { id } }',
        { i: { name: `冀建集团有限公司${run}`, creditCode: FIRM_CREDIT_CODE } },
      )
    ).createConstructionFirm.id;
    const project = (
      await ok(
        admin,
        'mutation($i: CreateConstructionProjectInput!) { createConstructionProject(input: $i) { id } }',
        {
          i: {
            name: '雄安高铁站',
            regionCode: '130632',
            jointCommitteeId: org.jointCommittee,
            firmIds: [firmId],
          },
        },
      )
    ).createConstructionProject.id;
    org.area = (
      await ok(
        admin,
        'mutation($p: ID!) { createProjectAreaBranch(input: { projectId: $p, name: "高铁站第一片区党总支" }) { id } }',
        { p: project },
      )
    ).createProjectAreaBranch.id;
    org.site = (
      await ok(
        admin,
        'mutation($a: ID!) { createProjectBranch(input: { areaBranchId: $a, name: "高铁站1标段临时党支部" }) { id } }',
        { a: org.area },
      )
    ).createProjectBranch.id;
    const linked = await ok(
      admin,
      'mutation($b: ID!, $f: ID!) { assignBranchToFirm(input: { branchId: $b, firmId: $f }) { branchLinks { branchId firmId } } }',
      { b: org.site, f: firmId },
    );
    expect(linked.assignBranchToFirm.branchLinks).toEqual([{ branchId: org.site, firmId }]);
    await Promise.all([
      waitForOrgProjection(db('members'), Object.values(org)),
      waitForOrgProjection(db('volunteering'), Object.values(org)),
    ]);

    const register = async (input: Record<string, unknown>) =>
      (
        await ok(admin, 'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { id } }', {
          i: { organizationId: org.gridA, status: 'FULL', ...input },
        })
      ).registerMember.id as string;
    // M1: in service at the district unit, reporting (双报到) to community A, as its unit does.
    m.m1.id = await register({
      name: '刘洋',
      idNumber: ID_NUMBER_M1,
      statusSince: '2010-07-01T00:00:00Z',
      inService: true,
      unitOrganizationId: org.unit,
    });
    const report =
      'mutation($i: RegisterDoubleReportInput!) { registerDoubleReport(input: $i) { kind unit { id } } }';
    expect(
      (
        await ok(admin, report, {
          i: {
            unitOrganizationId: org.unit,
            communityId: org.communityA,
            since: '2024-03-01T00:00:00Z',
          },
        })
      ).registerDoubleReport,
    ).toEqual({ kind: 'UNIT', unit: { id: org.unit } });
    expect(
      (
        await ok(admin, report, {
          i: { memberId: m.m1.id, communityId: org.communityA, since: '2024-03-05T00:00:00Z' },
        })
      ).registerDoubleReport,
    ).toEqual({ kind: 'MEMBER', unit: { id: org.unit } });
    // M2: floating (流动党员), its home branch grid A, working on the project branch.
    m.m2.id = await register({
      name: '陈静',
      idNumber: ID_NUMBER_M2,
      statusSince: '2001-07-01T00:00:00Z',
    });
    const floating = await ok(
      admin,
      'mutation($i: AssignFloatingInput!) { assignFloating(input: $i) { organizationId floating { projectBranchId } } }',
      { i: { memberId: m.m2.id, projectBranchId: org.site, from: '2024-03-01T00:00:00Z' } },
    );
    expect(floating.assignFloating).toEqual({
      organizationId: org.gridA,
      floating: { projectBranchId: org.site },
    });
    m.m1.token = tokenFor('MEMBER', org.gridA, m.m1.id);
    m.m2.token = tokenFor('MEMBER', org.gridA, m.m2.id);

    // Credit attributes an approval with the member's state at review time: it must know both
    // members' latest versions and the firm behind the project branch before anyone is approved.
    const credit = db('credit');
    await waitFor(
      async () => {
        const [m1, m2, projects] = await Promise.all([
          credit.collection('member_refs').countDocuments({
            _id: m.m1.id as any,
            version: 2,
            states: { $elemMatch: { version: 2, unitOrganizationId: org.unit } },
          }),
          credit.collection('member_refs').countDocuments({
            _id: m.m2.id as any,
            version: 2,
            states: { $elemMatch: { version: 2, projectBranchId: org.site } },
          }),
          credit.collection('project_refs').countDocuments({
            _id: project as any,
            firms: { $elemMatch: { firmId, branchIds: org.site } },
          }),
        ]);
        return m1 + m2 + projects === 3 ? true : undefined;
      },
      EVENTUALLY_MS,
      250,
    );
  }, 240_000);

  it('runs the task: claims, a refused check-in that changes nothing, QR check-in, check-out, approval', async () => {
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const taskId = (
      await ok(
        communityAdmin,
        'mutation($i: PublishVolunteerTaskInput!) { publishVolunteerTask(input: $i) { id } }',
        {
          i: {
            communityId: org.communityA,
            title: '防诈骗宣传进社区',
            category: 'ANTI_FRAUD',
            audience: 'BOTH',
            slots: 10,
            place: PLACE,
            radiusMeters: 200,
            startsAt: minutes(-10),
            endsAt: minutes(120),
            points: TASK_POINTS,
          },
        },
      )
    ).publishVolunteerTask.id;
    const CLAIM = 'id state memberId checkIn { evidence { kind } } durationMinutes';
    for (const who of [m.m1, m.m2]) {
      const claim = (
        await ok(
          who.token,
          `mutation($i: ClaimVolunteerTaskInput!) { claimVolunteerTask(input: $i) { ${CLAIM} } }`,
          { i: { taskId } },
        )
      ).claimVolunteerTask;
      expect(claim).toMatchObject({ state: 'CLAIMED', memberId: who.id });
      who.claimId = claim.id;
    }

    const checkIn = (token: string, input: object) =>
      q(
        token,
        `mutation($i: VolunteerAttendanceInput!) { volunteerCheckIn(input: $i) { ${CLAIM} } }`,
        { i: input },
      );
    const stored = async (claimId: string) =>
      (
        await ok(admin, 'query($id: ID!) { volunteerClaim(id: $id) { state checkIn { at } } }', {
          id: claimId,
        })
      ).volunteerClaim;
    const outside = await checkIn(m.m1.token, { claimId: m.m1.claimId, position: FAR });
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
    expect(errorFields(outside)).toEqual(['input.position']);
    expect(outside.data ?? null).toBeNull();
    expect(await stored(m.m1.claimId)).toEqual({ state: 'CLAIMED', checkIn: null });

    const { token } = (
      await ok(communityAdmin, 'mutation($t: ID!) { issueCheckInToken(taskId: $t) { token } }', {
        t: taskId,
      })
    ).issueCheckInToken;
    for (const who of [m.m1, m.m2]) {
      const checkedIn = dataOf(
        await checkIn(who.token, { claimId: who.claimId, qrToken: token, position: NEAR }),
      ).volunteerCheckIn;
      expect(checkedIn).toMatchObject({
        state: 'CHECKED_IN',
        checkIn: { evidence: [{ kind: 'QR_TOKEN' }, { kind: 'GEOFENCE' }] },
      });
      const out = await ok(
        who.token,
        `mutation($i: VolunteerAttendanceInput!) { volunteerCheckOut(input: $i) { ${CLAIM} } }`,
        { i: { claimId: who.claimId, position: NEAR } },
      );
      expect(out.volunteerCheckOut.state).toBe('CHECKED_OUT');
      const approved = dataOf(
        await gql(
          stack.gateway.baseUrl,
          communityAdmin,
          'mutation($i: ApproveClaimInput!) { approveClaim(input: $i) { state review { decision } } }',
          { i: { claimId: who.claimId } },
          who === m.m1 ? { traceparent: `00-${APPROVAL_TRACE}-${APPROVAL_PARENT}-01` } : {},
        ),
      );
      expect(approved.approveClaim).toEqual({
        state: 'APPROVED',
        review: { decision: 'APPROVED' },
      });
    }
  });

  it('credits member, home branch, unit and firm exactly what the rule version in force gives', async () => {
    const { creditRules } = await ok(
      admin,
      `{ creditRules { version effectiveFrom memberPoints { basis }
          branchShare { mode value } unitShare { mode value } firmShare { mode value } monthlyCaps { member organization firm } } }`,
    );
    const rule = creditRules
      .filter((r: any) => Date.parse(r.effectiveFrom) <= Date.now())
      .sort((a: any, b: any) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom))[0];
    // v1, seeded by the credit service into every database: task points, 20 % to the branch and
    // to the unit, 50 % to the firm, caps far above one task.
    expect(rule).toMatchObject({
      version: 'v1',
      memberPoints: { basis: 'TASK' },
      monthlyCaps: { member: 200, organization: 3000, firm: 10000 },
    });
    const memberPoints = TASK_POINTS;
    expected = {
      m1: memberPoints,
      m2: memberPoints,
      // Both members' branch, M2 included: a floating member's home branch keeps the share.
      gridA: 2 * share(rule.branchShare, memberPoints),
      unit: share(rule.unitShare, memberPoints), // M1's only
      projectBranch: 0,
      firm: share(rule.firmShare, memberPoints), // M2's only
    };
    expect(expected).toEqual({ m1: 13, m2: 13, gridA: 4, unit: 2, projectBranch: 0, firm: 6 });

    const settled = await waitFor(
      async () => {
        const now = await balances();
        return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
      },
      EVENTUALLY_MS,
      250,
    ).catch(() => balances());
    expect(settled).toEqual(expected);
  }, 180_000);

  it('follows the approval in one trace: gateway, volunteering and its writes, the outbox, Kafka, the ledger', async () => {
    const [approval] = approvalsOf(m.m1.claimId);
    const chain = await waitFor(
      async () => {
        const spans = collector.trace(APPROVAL_TRACE);
        const publish = spans.find(
          (s) =>
            s.service === 'volunteering' && s.name === `publish ${Topics.volunteeringCheckins}`,
        );
        const processed = spans.find(
          (s) => s.service === 'credit' && s.attributes['messaging.message.id'] === approval.id,
        );
        if (!publish || !processed) return undefined;
        // The ledger's writes: in the event's span, or in the batch span linked to it.
        const holders = new Set([
          processed.spanId,
          ...collector.spans
            .filter((s) => s.links.some((l) => l.spanId === processed.spanId))
            .map((s) => s.spanId),
        ]);
        const ledgerWrites = collector.spans.filter(
          (s) =>
            s.service === 'credit' &&
            s.attributes['db.system'] === 'mongodb' &&
            holders.has(s.parentSpanId ?? ''),
        );
        return ledgerWrites.length ? { spans, publish, processed, ledgerWrites } : undefined;
      },
      60_000,
      250,
    );
    const byId = new Map(chain.spans.map((s) => [s.spanId, s]));
    const ancestry = (spanId?: string) => {
      const services: string[] = [];
      for (let s = spanId ? byId.get(spanId) : undefined; s; s = byId.get(s.parentSpanId ?? ''))
        services.push(s.service);
      return services;
    };
    // The gateway's server span continues the caller's trace; volunteering's continues the
    // gateway's fetch; the relay's publish and the ledger's handling both continue the request
    // that wrote the event (its traceparent), so they are siblings under it.
    const gatewayRoot = chain.spans.find((s) => s.service === 'gateway' && s.kind === 2);
    expect(gatewayRoot?.parentSpanId).toBe(APPROVAL_PARENT);
    const volunteeringServer = chain.spans.find(
      (s) => s.service === 'volunteering' && s.kind === 2,
    );
    expect(byId.get(volunteeringServer?.parentSpanId ?? '')?.service).toBe('gateway');
    const names = chain.spans.map((s) => `${s.service}: ${s.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['gateway: gateway.request', 'gateway: gateway.fetch']),
    );
    expect(names.some((n) => n.startsWith('volunteering: graphql mutation'))).toBe(true);
    expect(
      chain.spans.some(
        (s) => s.service === 'volunteering' && s.attributes['db.system'] === 'mongodb',
      ),
    ).toBe(true);
    expect(chain.publish).toMatchObject({
      kind: 4,
      attributes: { 'messaging.message.id': approval.id },
    });
    expect(chain.processed).toMatchObject({
      kind: 5,
      name: `process ${Topics.volunteeringCheckins}`,
      attributes: { 'messaging.message.id': approval.id, 'jiceng.outcome': 'applied' },
    });
    expect(chain.processed.parentSpanId).toBe(volunteeringServer?.spanId);
    expect(chain.publish.parentSpanId).toBe(volunteeringServer?.spanId);
    expect(new Set(ancestry(chain.processed.spanId))).toEqual(
      new Set(['credit', 'volunteering', 'gateway']),
    );
    // The CloudEvent on the topic carries the trace as its distributed-tracing extension.
    expect(approval.traceparent).toMatch(new RegExp(`^00-${APPROVAL_TRACE}-[0-9a-f]{16}-01$`));
  }, 90_000);

  it('credits exactly once: a second approval is a CONFLICT and changes no balance', async () => {
    const again = await q(
      communityAdmin,
      'mutation($i: ApproveClaimInput!) { approveClaim(input: $i) { state } }',
      { i: { claimId: m.m1.claimId } },
    );
    expect(errorCode(again)).toBe('CONFLICT');
    await checkins().waitFor(
      () => approvalsOf(m.m1.claimId).length > 0 && approvalsOf(m.m2.claimId).length > 0,
    );
    await new Promise((r) => setTimeout(r, 4000)); // a late duplicate would land by now
    expect(await balances()).toEqual(expected);

    const [approval] = approvalsOf(m.m1.claimId);
    expect(approvalsOf(m.m1.claimId)).toHaveLength(1);
    expect(approvalsOf(m.m2.claimId)).toHaveLength(1);
    expect(approval.data).toMatchObject({ memberId: m.m1.id, taskPoints: TASK_POINTS });
    const entries = (
      await ok(
        admin,
        `query($a: AccountInput!) { ledgerEntries(account: $a, first: 10) { totalCount edges { node {
           kind role points requestedPoints capped ruleVersion sourceEventId claimId } } } }`,
        { a: { kind: 'MEMBER', id: m.m1.id } },
      )
    ).ledgerEntries;
    expect(entries).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            kind: 'EARN',
            role: 'MEMBER',
            points: TASK_POINTS,
            requestedPoints: TASK_POINTS,
            capped: false,
            ruleVersion: 'v1',
            sourceEventId: approval.id,
            claimId: m.m1.claimId,
          },
        },
      ],
    });
  });
});
