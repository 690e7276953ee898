import mongoose from 'mongoose';
import request from 'supertest';
import {
  dataOf,
  errorCode,
  errorFields,
  type GraphQLResult,
  type OrgSpec,
  tokenFor,
  withSubgraphStack,
} from '@jiceng/testing';

// The rural subgraph with the organizations subgraph and the gateway, each its own process over
// the real broker and Mongo-wire server. Organizations reach rural only as events (its org_nodes
// projection); cadres are plain member ids.

const objectId = () => new mongoose.Types.ObjectId().toHexString();
const WAN = 1_000_000; // 1万元 in fen

const TREE: OrgSpec[] = [
  {
    key: 'hebei',
    name: '河北省委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130000',
  },
  {
    key: 'xiongan',
    parent: 'hebei',
    name: '雄安新区党工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130632',
  },
  {
    key: 'anxin',
    parent: 'xiongan',
    name: '安新县委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130632',
  },
  {
    key: 'vA1',
    parent: 'anxin',
    name: '安新第一村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '130632',
  },
  {
    key: 'vA2',
    parent: 'anxin',
    name: '安新第二村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '130632',
  },
  {
    key: 'rongcheng',
    parent: 'xiongan',
    name: '容城县委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130629',
  },
  {
    key: 'vR1',
    parent: 'rongcheng',
    name: '容城第一村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '130629',
  },
  {
    key: 'shouguang',
    name: '寿光市委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '370783',
  },
  {
    key: 'vS1',
    parent: 'shouguang',
    name: '寿光第一村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '370783',
  },
  {
    key: 'linghe',
    name: '凌河区委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '210703',
  },
  ...[1, 2, 3, 4].map((i) => ({
    key: `street${i}`,
    parent: 'linghe',
    name: `凌河区第${i}街道党工委`,
    kind: 'WORKING_COMMITTEE',
    sector: 'COMMUNITY',
    regionCode: '210703',
  })),
];

describe('rural revitalization through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'r',
    services: ['organizations', 'rural'],
    tree: TREE,
  });
  const { org, q } = stack;
  const admin = stack.adminToken;
  const db = () => stack.db('rural');
  const message = (res: GraphQLResult) => res.errors?.[0]?.message ?? '';
  const expectFields = (res: GraphQLResult, fields: string[]) => {
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(fields);
  };
  const mutate = (token: string, name: string, type: string, input: object, select: string) =>
    q(token, `mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input });

  let tokens: Record<'xiongan' | 'anxin' | 'shouguang' | 'analyst' | 'linghe' | 'street1', string>;

  beforeAll(() => {
    tokens = {
      xiongan: tokenFor('ORG_ADMIN', org.xiongan),
      anxin: tokenFor('ORG_ADMIN', org.anxin),
      shouguang: tokenFor('ORG_ADMIN', org.shouguang),
      analyst: tokenFor('ANALYST', org.anxin),
      linghe: tokenFor('ORG_ADMIN', org.linghe),
      street1: tokenFor('ORG_ADMIN', org.street1),
    };
  });

  const PROJECT = `id name kind kindLabel areaMu status statusLabel villageIds investmentFen subsidyFen
    milestones { id title reachedOn } collectiveIncomes { villageId year amountFen } pairing { id name }`;
  const createProject = (token: string, input: object) =>
    mutate(token, 'createRuralProject', 'CreateRuralProjectInput', input, PROJECT);
  const fund = (token: string, input: object) =>
    mutate(token, 'recordRuralFunding', 'RecordRuralFundingInput', input, PROJECT);
  const income = (token: string, input: object) =>
    mutate(token, 'recordCollectiveIncome', 'RecordCollectiveIncomeInput', input, PROJECT);
  const project: Record<string, string> = {};
  let pairingId: string;
  // The 150万 fund of the allocation test, and the application that lost the allocation race.
  let fundId: string;
  let raceLoser: string;
  const oid = (id: string) => new mongoose.Types.ObjectId(id);
  /** What a crash between the fund's write and the application's leaves behind. */
  const halfAllocated = (fund: string, applicationId: string, amountFen: number) =>
    db()
      .collection('funds')
      .updateOne({ _id: oid(fund) }, {
        $inc: { remainingFen: -amountFen },
        $push: {
          allocations: {
            applicationId: oid(applicationId),
            amountFen,
            at: new Date(),
            by: 'crashed',
          },
        },
      } as any);

  it('creates rural projects, refusing bad kinds, negative fen, non-villages and other subtrees', async () => {
    const base = {
      name: '安新党支部领办蔬菜合作社',
      villageIds: [org.vA1, org.vA2],
      kind: 'COOPERATIVE',
      model: '党组织+龙头企业+合作社+基地+农户',
      areaMu: 120.5,
      startYear: 2022,
      plannedOn: '2022-01-10',
    };
    expect(errorCode(await createProject(tokens.xiongan, { ...base, kind: 'MINING' }))).toBe(
      'BAD_USER_INPUT',
    );
    const notVillage = await createProject(tokens.xiongan, { ...base, villageIds: [org.anxin] });
    expect(errorFields(notVillage)).toEqual(['input.villageIds']);
    expect(errorFields(await createProject(tokens.xiongan, { ...base, areaMu: -1 }))).toEqual([
      'input.areaMu',
    ]);
    expect(errorCode(await createProject(tokens.shouguang, base))).toBe('FORBIDDEN');
    expect(errorCode(await createProject(tokens.analyst, base))).toBe('FORBIDDEN');

    const p1 = dataOf(await createProject(tokens.xiongan, base)).createRuralProject;
    expect(p1).toMatchObject({ kindLabel: '党支部领办合作社', status: 'PLANNED', areaMu: 120.5 });
    project.p1 = p1.id;
    // Outside the scope the project answers as an unknown id does: null, no error.
    const lookup = (id: string) => q(tokens.shouguang, `{ ruralProject(id: "${id}") { id } }`);
    expect(await lookup(p1.id)).toMatchObject({ data: { ruralProject: null }, errors: undefined });
    expect(await lookup(String(new mongoose.Types.ObjectId()))).toMatchObject({
      data: { ruralProject: null },
      errors: undefined,
    });
    project.p3 = dataOf(
      await createProject(tokens.xiongan, {
        ...base,
        name: '容城白洋淀乡村文旅',
        villageIds: [org.vR1],
        kind: 'CULTURE_TOURISM',
      }),
    ).createRuralProject.id;

    const money = {
      projectId: project.p1,
      type: 'INVESTMENT',
      villageId: org.vA1,
      year: 2022,
      source: '龙头企业',
    };
    expect(errorFields(await fund(tokens.xiongan, { ...money, amountFen: -1 }))).toEqual([
      'input.amountFen',
    ]);
    expect(errorFields(await fund(tokens.xiongan, { ...money, amountFen: 1.5 }))).toEqual([
      'input.amountFen',
    ]);
    expect(errorFields(await fund(tokens.xiongan, { ...money, amountFen: 2 ** 53 }))).toEqual([
      'input.amountFen',
    ]);
    expect(
      errorFields(await fund(tokens.xiongan, { ...money, amountFen: 1, villageId: org.vR1 })),
    ).toEqual(['input.villageId']);
    expect(errorFields(await fund(tokens.xiongan, { ...money, amountFen: 1, year: 2021 }))).toEqual(
      ['input.year'],
    );
    expect(errorCode(await fund(tokens.shouguang, { ...money, amountFen: 1 }))).toBe('FORBIDDEN');

    dataOf(await fund(tokens.xiongan, { ...money, amountFen: 5000 * WAN }));
    dataOf(
      await fund(tokens.anxin, { ...money, villageId: org.vA2, year: 2023, amountFen: 3000 * WAN }),
    );
    const p1Funded = dataOf(
      await fund(tokens.xiongan, {
        ...money,
        type: 'SUBSIDY',
        year: 2023,
        amountFen: 1000 * WAN,
        source: '新区奖补资金',
      }),
    ).recordRuralFunding;
    expect(p1Funded).toMatchObject({ investmentFen: 8000 * WAN, subsidyFen: 1000 * WAN });
    dataOf(
      await income(tokens.xiongan, {
        projectId: project.p1,
        villageId: org.vA1,
        year: 2023,
        amountFen: 60 * WAN,
      }),
    );
    dataOf(
      await income(tokens.xiongan, {
        projectId: project.p1,
        villageId: org.vA2,
        year: 2023,
        amountFen: 20 * WAN,
      }),
    );

    const r = { projectId: project.p3, villageId: org.vR1 };
    dataOf(
      await fund(tokens.xiongan, {
        ...r,
        type: 'INVESTMENT',
        year: 2023,
        amountFen: 4000 * WAN,
        source: '村集体',
      }),
    );
    dataOf(
      await fund(tokens.xiongan, {
        ...r,
        type: 'SUBSIDY',
        year: 2022,
        amountFen: 1500 * WAN,
        source: '新区奖补资金',
      }),
    );
    dataOf(await income(tokens.xiongan, { ...r, year: 2023, amountFen: 70 * WAN }));
    dataOf(await income(tokens.xiongan, { ...r, year: 2022, amountFen: 80 * WAN }));
    // A second figure for the same village and year replaces the first.
    const replaced = dataOf(
      await income(tokens.xiongan, { ...r, year: 2022, amountFen: 55 * WAN }),
    ).recordCollectiveIncome;
    expect(replaced.collectiveIncomes).toEqual([
      { villageId: org.vR1, year: 2023, amountFen: 70 * WAN },
      { villageId: org.vR1, year: 2022, amountFen: 55 * WAN },
    ]);
  });

  it('moves a project forward one status at a time and reaches milestones once', async () => {
    const skip = await mutate(
      tokens.xiongan,
      'advanceRuralProjectStatus',
      'AdvanceRuralProjectStatusInput',
      { id: project.p1, to: 'COMPLETED', on: '2023-03-01' },
      'status',
    );
    expect(errorCode(skip)).toBe('CONFLICT');
    expect(message(skip)).toMatch(/is PLANNED \(筹备中\); 建成 \(completion\) needs IN_PROGRESS/);
    dataOf(
      await mutate(
        tokens.xiongan,
        'advanceRuralProjectStatus',
        'AdvanceRuralProjectStatusInput',
        { id: project.p1, to: 'IN_PROGRESS', on: '2023-03-01' },
        'status',
      ),
    );
    const added = dataOf(
      await mutate(
        tokens.xiongan,
        'addRuralMilestone',
        'AddRuralMilestoneInput',
        { projectId: project.p1, title: '大棚主体完工', dueOn: '2023-09-30' },
        PROJECT,
      ),
    ).addRuralMilestone;
    const reach = {
      projectId: project.p1,
      milestoneId: added.milestones[0].id,
      reachedOn: '2023-09-20',
    };
    const reached = dataOf(
      await mutate(
        tokens.xiongan,
        'reachRuralMilestone',
        'ReachRuralMilestoneInput',
        reach,
        PROJECT,
      ),
    );
    expect(reached.reachRuralMilestone.milestones[0].reachedOn).toBe('2023-09-20');
    expect(
      errorCode(
        await mutate(
          tokens.xiongan,
          'reachRuralMilestone',
          'ReachRuralMilestoneInput',
          reach,
          'id',
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('pairs villages across provinces and adds up the pairing: 2180万元, 1300亩', async () => {
    const pair = (token: string, villageIds: string[]) =>
      mutate(
        token,
        'createRuralPairing',
        'CreateRuralPairingInput',
        { program: '雄安—潍坊跨省党建联建', villageIds, startedOn: '2022-04-15' },
        'id name villageIds',
      );
    expect(errorFields(await pair(tokens.xiongan, [org.vA1, org.vA2]))).toEqual([
      'input.villageIds',
    ]);
    expect(errorCode(await pair(tokens.linghe, [org.vA1, org.vS1]))).toBe('FORBIDDEN');
    const pairing = dataOf(await pair(tokens.xiongan, [org.vA1, org.vS1])).createRuralPairing;
    expect(pairing.name).toBe('安新第一村—寿光第一村跨省结对');
    pairingId = pairing.id;
    expect(errorCode(await pair(tokens.shouguang, [org.vS1, org.vA1]))).toBe('CONFLICT');

    const facility = {
      name: '高品质现代设施农业',
      villageIds: [org.vA1, org.vS1],
      kind: 'FACILITY_AGRICULTURE',
      areaMu: 1300,
      startYear: 2022,
      pairingId,
    };
    const outside = await createProject(tokens.xiongan, {
      ...facility,
      villageIds: [org.vA2, org.vS1],
    });
    expect(errorFields(outside)).toEqual(['input.pairingId']);
    const p2 = dataOf(await createProject(tokens.xiongan, facility)).createRuralProject;
    project.p2 = p2.id;
    expect(p2.pairing).toEqual({ id: pairingId, name: '安新第一村—寿光第一村跨省结对' });
    // 2180万元 is more than GraphQL's 32-bit Int holds: the Fen scalar carries it exactly.
    dataOf(
      await fund(tokens.xiongan, {
        projectId: p2.id,
        type: 'INVESTMENT',
        villageId: org.vA1,
        year: 2022,
        amountFen: 2180 * WAN,
        source: '潍坊龙头企业',
      }),
    );
    dataOf(
      await income(tokens.xiongan, {
        projectId: p2.id,
        villageId: org.vA1,
        year: 2023,
        amountFen: 5 * WAN,
      }),
    );

    // The other side reads the pairing and its totals from its own subtree.
    const summary = dataOf(
      await q(
        tokens.shouguang,
        `query($org: ID, $f: RuralPairingFilter) { ruralPairingSummary(organizationId: $org, filter: $f) {
        pairings villages projects investmentFen subsidyFen areaMu } }`,
        { org: org.shouguang, f: { program: '雄安—潍坊跨省党建联建' } },
      ),
    ).ruralPairingSummary;
    expect(summary).toEqual({
      pairings: 1,
      villages: 2,
      projects: 1,
      investmentFen: 2180 * WAN,
      subsidyFen: 0,
      areaMu: 1300,
    });
    const listed = dataOf(
      await q(
        tokens.shouguang,
        '{ ruralPairings { totalCount edges { node { name villages { name regionCode } investmentFen areaMu projects { totalCount } } } } }',
      ),
    ).ruralPairings;
    expect(listed.totalCount).toBe(1);
    // Both sides are named, though 安新 lies outside 寿光's scope.
    expect(listed.edges[0].node).toEqual({
      name: '安新第一村—寿光第一村跨省结对',
      villages: [
        { name: '安新第一村党支部', regionCode: '130632' },
        { name: '寿光第一村党支部', regionCode: '370783' },
      ],
      investmentFen: 2180 * WAN,
      areaMu: 1300,
      projects: { totalCount: 1 },
    });
  });

  it('answers the analyst queries with exact totals, within the caller subtree only', async () => {
    const TOTALS = `query($org: ID, $f: RuralFundingFilter) { ruralFundingTotals(organizationId: $org, filter: $f) {
      investmentFen subsidyFen projectCount villageCount
      byYear { year investmentFen subsidyFen } byKind { kind kindLabel investmentFen subsidyFen }
      byRegion { regionCode investmentFen subsidyFen } } }`;
    const all = dataOf(await q(admin, TOTALS, { org: org.xiongan })).ruralFundingTotals;
    expect(all).toEqual({
      investmentFen: 14180 * WAN,
      subsidyFen: 2500 * WAN,
      projectCount: 3,
      villageCount: 3,
      byYear: [
        { year: 2022, investmentFen: 7180 * WAN, subsidyFen: 1500 * WAN },
        { year: 2023, investmentFen: 7000 * WAN, subsidyFen: 1000 * WAN },
      ],
      byKind: [
        {
          kind: 'COOPERATIVE',
          kindLabel: '党支部领办合作社',
          investmentFen: 8000 * WAN,
          subsidyFen: 1000 * WAN,
        },
        {
          kind: 'CULTURE_TOURISM',
          kindLabel: '文旅',
          investmentFen: 4000 * WAN,
          subsidyFen: 1500 * WAN,
        },
        {
          kind: 'FACILITY_AGRICULTURE',
          kindLabel: '设施农业',
          investmentFen: 2180 * WAN,
          subsidyFen: 0,
        },
      ],
      byRegion: [
        { regionCode: '130629', investmentFen: 4000 * WAN, subsidyFen: 1500 * WAN },
        { regionCode: '130632', investmentFen: 10180 * WAN, subsidyFen: 1000 * WAN },
      ],
    });
    const region = dataOf(
      await q(admin, TOTALS, { f: { regionCode: '130629' } }),
    ).ruralFundingTotals;
    expect([region.investmentFen, region.subsidyFen]).toEqual([4000 * WAN, 1500 * WAN]);
    const narrow = dataOf(
      await q(admin, TOTALS, { org: org.xiongan, f: { year: 2023, kinds: ['COOPERATIVE'] } }),
    ).ruralFundingTotals;
    expect([narrow.investmentFen, narrow.subsidyFen, narrow.projectCount]).toEqual([
      3000 * WAN,
      1000 * WAN,
      1,
    ]);

    // ANALYST of 安新县: its own subtree by default, FORBIDDEN above it.
    const mine = dataOf(await q(tokens.analyst, TOTALS)).ruralFundingTotals;
    expect([mine.investmentFen, mine.subsidyFen, mine.villageCount]).toEqual([
      10180 * WAN,
      1000 * WAN,
      2,
    ]);
    expect(errorCode(await q(tokens.analyst, TOTALS, { org: org.xiongan }))).toBe('FORBIDDEN');
    expect(errorCode(await q(tokens.shouguang, TOTALS, { org: org.xiongan }))).toBe('FORBIDDEN');

    const INCOME = `query($org: ID, $year: Int!, $min: Fen!) { villagesByCollectiveIncome(organizationId: $org, year: $year, minFen: $min) {
      count villages { villageId name regionCode amountFen projectCount } } }`;
    const over50 = dataOf(
      await q(admin, INCOME, { org: org.xiongan, year: 2023, min: 50 * WAN }),
    ).villagesByCollectiveIncome;
    expect(over50).toEqual({
      count: 2,
      villages: [
        {
          villageId: org.vR1,
          name: '容城第一村党支部',
          regionCode: '130629',
          amountFen: 70 * WAN,
          projectCount: 1,
        },
        {
          villageId: org.vA1,
          name: '安新第一村党支部',
          regionCode: '130632',
          amountFen: 65 * WAN,
          projectCount: 2,
        },
      ],
    });
    expect(
      dataOf(await q(admin, INCOME, { org: org.xiongan, year: 2022, min: 50 * WAN }))
        .villagesByCollectiveIncome.count,
    ).toBe(1);
    expect(
      dataOf(await q(tokens.analyst, INCOME, { year: 2023, min: 50 * WAN }))
        .villagesByCollectiveIncome.count,
    ).toBe(1);

    // Organization.ruralProjects for a page of organizations, through the organizations subgraph.
    const children = dataOf(
      await q(
        admin,
        `query($id: ID!) { organization(id: $id) { children(first: 10) { edges { node {
      name ruralProjects(first: 5) { totalCount edges { node { name } } } } } } } }`,
        { id: org.xiongan },
      ),
    ).organization.children.edges.map((e: any) => [e.node.name, e.node.ruralProjects.totalCount]);
    expect(children).toEqual([
      ['安新县委', 2],
      ['容城县委', 1],
    ]);
    expect(
      errorCode(
        await q(
          tokens.shouguang,
          '{ ruralProjects(organizationId: "' + org.xiongan + '") { totalCount } }',
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('takes a secretary project through its lifecycle; illegal and concurrent steps are refused', async () => {
    const SP =
      'id state stateLabel version steps { state by midtermScore } midtermScore acceptanceScore';
    const propose = (title: string) =>
      mutate(
        tokens.street1,
        'proposeSecretaryProject',
        'ProposeSecretaryProjectInput',
        { organizationId: org.street1, year: 2023, title, goals: '解决停车难' },
        SP,
      );
    const advance = (token: string, input: object) =>
      mutate(token, 'advanceSecretaryProject', 'AdvanceSecretaryProjectInput', input, SP);
    const sp = dataOf(await propose('"党建+智慧社区"')).proposeSecretaryProject;
    expect(sp).toMatchObject({ state: 'PROPOSED', stateLabel: '立项申请', version: 1 });

    // 立项 is the level above's decision; acceptance cannot skip the steps between.
    expect(errorCode(await advance(tokens.street1, { id: sp.id, to: 'APPROVED' }))).toBe(
      'FORBIDDEN',
    );
    const skip = await advance(tokens.linghe, {
      id: sp.id,
      to: 'ACCEPTED',
      selfCheckScore: 90,
      upperReviewScore: 90,
      residentScore: 90,
    });
    expect(errorCode(skip)).toBe('CONFLICT');
    expect(message(skip)).toMatch(/is PROPOSED \(立项申请\)/);

    const racing = await Promise.all([
      advance(tokens.linghe, { id: sp.id, to: 'APPROVED' }),
      advance(tokens.linghe, { id: sp.id, to: 'APPROVED' }),
    ]);
    expect(racing.filter((r) => !r.errors)).toHaveLength(1);
    expect(racing.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);

    dataOf(await advance(tokens.street1, { id: sp.id, to: 'IN_PROGRESS' }));
    expect(
      errorFields(await advance(tokens.linghe, { id: sp.id, to: 'MIDTERM_REVIEWED' })),
    ).toEqual(['input.midtermScore']);
    expect(
      errorCode(
        await advance(tokens.linghe, {
          id: sp.id,
          to: 'MIDTERM_REVIEWED',
          midtermScore: 86,
          expectedVersion: 1,
        }),
      ),
    ).toBe('CONFLICT');
    dataOf(
      await advance(tokens.linghe, {
        id: sp.id,
        to: 'MIDTERM_REVIEWED',
        midtermScore: 86,
        expectedVersion: 3,
      }),
    );
    const accepted = dataOf(
      await advance(tokens.linghe, {
        id: sp.id,
        to: 'ACCEPTED',
        selfCheckScore: 92,
        upperReviewScore: 88,
        residentScore: 95,
      }),
    ).advanceSecretaryProject;
    expect(accepted).toMatchObject({
      state: 'ACCEPTED',
      version: 5,
      midtermScore: 86,
      acceptanceScore: 91.7,
    });
    expect(accepted.steps.map((s: any) => [s.state, s.by])).toEqual([
      ['PROPOSED', 'test-org_admin'],
      ['APPROVED', 'test-org_admin'],
      ['IN_PROGRESS', 'test-org_admin'],
      ['MIDTERM_REVIEWED', 'test-org_admin'],
      ['ACCEPTED', 'test-org_admin'],
    ]);

    const rejected = dataOf(await propose('数字党建示范园区')).proposeSecretaryProject;
    expect(errorFields(await advance(tokens.linghe, { id: rejected.id, to: 'REJECTED' }))).toEqual([
      'input.note',
    ]);
    dataOf(
      await advance(tokens.linghe, { id: rejected.id, to: 'REJECTED', note: '与已立项项目重复' }),
    );
    const running = dataOf(await propose('"快递小哥"爱心驿站')).proposeSecretaryProject;
    dataOf(await advance(tokens.linghe, { id: running.id, to: 'APPROVED' }));

    const completion = dataOf(
      await q(
        tokens.linghe,
        '{ secretaryProjectCompletion(year: 2023) { year total proposed rejected approved inProgress accepted failed completionRate } }',
      ),
    );
    expect(completion.secretaryProjectCompletion).toEqual([
      {
        year: 2023,
        total: 3,
        proposed: 0,
        rejected: 1,
        approved: 2,
        inProgress: 1,
        accepted: 1,
        failed: 0,
        completionRate: 0.5,
      },
    ]);
    const ofStreet = dataOf(
      await q(
        admin,
        `query($id: ID!) { organization(id: $id) { secretaryProjects { totalCount } } }`,
        { id: org.linghe },
      ),
    );
    expect(ofStreet.organization.secretaryProjects.totalCount).toBe(3);
    expect(
      errorCode(
        await q(
          tokens.xiongan,
          `{ secretaryProjectCompletion(organizationId: "${org.linghe}") { total } }`,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps a commitment sheet in order: goals, mid-year report, year-end assessment, each once', async () => {
    const SHEET =
      'id stage stageLabel roleLabel goals { title } midYearReport { report } yearEndAssessment { score completedGoals }';
    const memberId = objectId();
    const file = () =>
      mutate(
        tokens.anxin,
        'fileCommitmentSheet',
        'FileCommitmentSheetInput',
        {
          memberId,
          organizationId: org.vA1,
          year: 2024,
          role: 'SECRETARY',
          goals: [
            { title: '发展壮大村级集体经济', measures: '党支部领办合作社', deadline: '2024-12-31' },
          ],
        },
        SHEET,
      );
    const sheet = dataOf(await file()).fileCommitmentSheet;
    expect(sheet).toMatchObject({ stage: 'GOALS_SET', roleLabel: '村党组织书记' });
    expect(errorCode(await file())).toBe('CONFLICT');

    const assess = (token: string, completedGoals = 1) =>
      mutate(
        token,
        'assessCommitmentSheet',
        'AssessCommitmentSheetInput',
        { id: sheet.id, completedGoals, score: 92 },
        SHEET,
      );
    const report = () =>
      mutate(
        tokens.anxin,
        'reportCommitmentSheetMidYear',
        'ReportCommitmentSheetInput',
        { id: sheet.id, report: '截至6月底推进顺利' },
        SHEET,
      );
    const early = await assess(tokens.xiongan);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(message(early)).toMatch(/needs MID_YEAR_REPORTED/);
    expect(dataOf(await report()).reportCommitmentSheetMidYear.stage).toBe('MID_YEAR_REPORTED');
    expect(message(await report())).toMatch(/already recorded/);
    // The village's own level reports; the level above assesses.
    expect(errorCode(await assess(tokens.linghe))).toBe('FORBIDDEN');
    expect(errorFields(await assess(tokens.anxin, 2))).toEqual(['input.completedGoals']);
    const assessed = dataOf(await assess(tokens.anxin)).assessCommitmentSheet;
    expect(assessed).toMatchObject({
      stage: 'ASSESSED',
      yearEndAssessment: { score: 92, completedGoals: 1 },
    });
    expect(errorCode(await assess(tokens.anxin))).toBe('CONFLICT');

    const stats = dataOf(
      await q(
        tokens.analyst,
        '{ commitmentSheetStats(year: 2024) { sheets goals byStage { stage count } } }',
      ),
    );
    expect(stats.commitmentSheetStats).toMatchObject({ sheets: 1, goals: 1 });
    expect(
      dataOf(
        await q(
          tokens.analyst,
          `{ commitmentSheetOf(memberId: "${memberId}", year: 2024) { stage } }`,
        ),
      ).commitmentSheetOf.stage,
    ).toBe('ASSESSED');
  });

  it('scores a contest once per juror and entry and fixes the winners when it closes', async () => {
    const CONTEST =
      'id status entries { id organizationId meanScore } ranking { rank entryId meanScore } winners { rank entry { organizationId } }';
    const input = {
      organizationId: org.xiongan,
      quarter: '2023-Q2',
      theme: '乡村振兴+发展壮大村级集体经济',
      jurors: ['评委甲', '评委乙', '评委丙'],
      winnerCount: 1,
    };
    // Quarters follow the platform's one period grammar: years 2000-2099 (rural once took any).
    for (const quarter of ['2023-Q5', '1999-Q4'])
      expect(
        errorFields(
          await mutate(
            tokens.xiongan,
            'createContest',
            'CreateContestInput',
            { ...input, quarter },
            'id',
          ),
        ),
      ).toEqual(['input.quarter']);
    const contest = dataOf(
      await mutate(
        tokens.xiongan,
        'createContest',
        'CreateContestInput',
        input,
        'id startsAt endsAt',
      ),
    ).createContest;
    expect(contest).toMatchObject({
      startsAt: '2023-03-31T16:00:00.000Z',
      endsAt: '2023-06-30T16:00:00.000Z',
    });
    expect(
      errorCode(await mutate(tokens.xiongan, 'createContest', 'CreateContestInput', input, 'id')),
    ).toBe('CONFLICT');

    const enter = (organizationId: string) =>
      mutate(
        tokens.xiongan,
        'enterContest',
        'EnterContestInput',
        { contestId: contest.id, organizationId, title: '发展壮大村级集体经济' },
        CONTEST,
      );
    expect(errorFields(await enter(org.vS1))).toEqual(['input.organizationId']);
    for (const v of [org.vA1, org.vA2, org.vR1]) dataOf(await enter(v));
    expect(errorCode(await enter(org.vA1))).toBe('CONFLICT');
    const entries = dataOf(
      await q(admin, `{ contest(id: "${contest.id}") { entries { id organizationId } } }`),
    ).contest.entries;
    const entryOf = (v: string) => entries.find((e: any) => e.organizationId === v).id;

    const score = (entryId: string, juror: string, value: number) =>
      mutate(
        tokens.xiongan,
        'scoreContestEntry',
        'ScoreContestEntryInput',
        { contestId: contest.id, entryId, juror, score: value },
        CONTEST,
      );
    expect(errorFields(await score(entryOf(org.vA1), '路人', 90))).toEqual(['input.juror']);
    expect(errorFields(await score(entryOf(org.vA1), '评委甲', 101))).toEqual(['input.score']);
    const twice = await Promise.all([
      score(entryOf(org.vA1), '评委甲', 90),
      score(entryOf(org.vA1), '评委甲', 91),
    ]);
    expect(twice.filter((r) => !r.errors)).toHaveLength(1);
    expect(twice.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
    const early = await mutate(
      tokens.xiongan,
      'closeContest',
      'CloseContestInput',
      { id: contest.id },
      'id',
    );
    expect(message(early)).toMatch(/^8 of 9 jury scores are still missing/);

    // vA1 and vA2 tie at a mean of 85; vA2's lowest score (82) beats vA1's (79 or 80).
    const won = twice.find((r) => !r.errors)!.data!.scoreContestEntry.entries[0].meanScore;
    const fill: [string, string, number][] = [
      [org.vA1, '评委乙', 170 - won],
      [org.vA1, '评委丙', 85],
      [org.vA2, '评委甲', 88],
      [org.vA2, '评委乙', 82],
      [org.vA2, '评委丙', 85],
      [org.vR1, '评委甲', 95],
      [org.vR1, '评委乙', 90],
      [org.vR1, '评委丙', 92],
    ];
    for (const [v, juror, value] of fill) dataOf(await score(entryOf(v), juror, value));
    const closed = dataOf(
      await mutate(
        tokens.xiongan,
        'closeContest',
        'CloseContestInput',
        { id: contest.id },
        CONTEST,
      ),
    ).closeContest;
    expect(closed.status).toBe('CLOSED');
    expect(closed.ranking.map((r: any) => [r.entryId, r.meanScore])).toEqual([
      [entryOf(org.vR1), 92.33],
      [entryOf(org.vA2), 85],
      [entryOf(org.vA1), 85],
    ]);
    expect(closed.winners).toEqual([{ rank: 1, entry: { organizationId: org.vR1 } }]);
    expect(errorCode(await score(entryOf(org.vA2), '评委甲', 99))).toBe('CONFLICT');
  });

  it('refuses an amount that is not a whole JSON number as BAD_USER_INPUT naming the field', async () => {
    const fund = { organizationId: org.linghe, name: '党建经费', year: 2023 };
    const create = 'mutation($input: CreateFundInput!) { createFund(input: $input) { id } }';
    for (const budgetFen of ['100', { $gt: 0 }, -1, 1.5])
      expectFields(await q(tokens.linghe, create, { input: { ...fund, budgetFen } }), [
        'input.budgetFen',
      ]);
    for (const literal of ['"100"', '{ gt: 0 }', '1e400'])
      expectFields(
        await q(
          tokens.linghe,
          `mutation { createFund(input: { organizationId: "${org.linghe}", name: "党建经费", year: 2023, budgetFen: ${literal} }) { id } }`,
        ),
        ['input.budgetFen'],
      );
    // 1e400 in a JSON body reads as Infinity, which no amount is; the raw body keeps it as sent.
    const raw = await request(stack.gateway.baseUrl)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${tokens.linghe}`)
      .send(
        `{"query":${JSON.stringify(create)},"variables":{"input":${JSON.stringify(fund).slice(0, -1)},"budgetFen":1e400}}}`,
      );
    expect(raw.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(raw.body.errors?.[0]?.extensions?.fields ?? raw.body.errors)).toMatch(
      /budgetFen/,
    );
  });

  it('allocates a fund through its stages, never over budget under concurrent allocations', async () => {
    const created = dataOf(
      await mutate(
        tokens.linghe,
        'createFund',
        'CreateFundInput',
        {
          organizationId: org.linghe,
          name: '党建品牌培育专项经费',
          year: 2023,
          budgetFen: 150 * WAN,
        },
        'id remainingFen',
      ),
    ).createFund;
    expect(created.remainingFen).toBe(150 * WAN);
    const APP = 'id stage stageLabel allocatedFen version';
    const apply = (street: string, requestedFen: number) =>
      mutate(
        tokens.linghe,
        'applyForFund',
        'ApplyForFundInput',
        {
          fundId: created.id,
          organizationId: org[street],
          title: `${street}党建品牌`,
          requestedFen,
        },
        APP,
      );
    const advance = (token: string, id: string, to: string) =>
      mutate(
        token,
        'advanceFundApplication',
        'AdvanceFundApplicationInput',
        { id, to, score: to === 'PRESENTED' ? 90 : undefined },
        APP,
      );
    const allocate = (applicationId: string, amountFen: number) =>
      mutate(tokens.linghe, 'allocateFund', 'AllocateFundInput', { applicationId, amountFen }, APP);

    expect(errorFields(await apply('street1', -100))).toEqual(['input.requestedFen']);
    const ids: string[] = [];
    for (const [street, fen] of [
      ['street1', 60 * WAN],
      ['street2', 60 * WAN],
      ['street3', 60 * WAN],
      ['street4', 10 * WAN],
    ] as const)
      ids.push(dataOf(await apply(street, fen)).applyForFund.id);
    expect(errorCode(await apply('street1', WAN))).toBe('CONFLICT');
    expect(errorCode(await advance(tokens.street1, ids[0], 'RECOMMENDED'))).toBe('FORBIDDEN');
    const skip = await advance(tokens.linghe, ids[0], 'REVIEWED');
    expect(message(skip)).toMatch(
      /is SELF_APPLIED \(自主申报\); .* needs RECOMMENDED \(初审推荐\)/,
    );
    expect(errorCode(await allocate(ids[0], 10 * WAN))).toBe('CONFLICT');
    for (const id of ids)
      for (const to of ['RECOMMENDED', 'REVIEWED', 'SITE_VISITED', 'PRESENTED'])
        dataOf(await advance(tokens.linghe, id, to));
    expect(errorFields(await allocate(ids[0], 61 * WAN))).toEqual(['input.amountFen']);

    // Three allocations of 60万 race for a budget of 150万: exactly two land.
    const racing = await Promise.all(ids.slice(0, 3).map((id) => allocate(id, 60 * WAN)));
    expect(racing.filter((r) => !r.errors)).toHaveLength(2);
    expect(racing.map(errorCode).filter(Boolean)).toEqual(['CONFLICT']);
    const FUND = `{ fund(id: "${created.id}") { budgetFen remainingFen allocatedFen allocations { amountFen } stageCounts { stage count } } }`;
    const after = dataOf(await q(tokens.linghe, FUND)).fund;
    expect(after).toMatchObject({
      budgetFen: 150 * WAN,
      remainingFen: 30 * WAN,
      allocatedFen: 120 * WAN,
    });

    // A crash between the fund's write and the application's: the fund already records the
    // allocation; repeating allocateFund completes it without taking the money twice.
    fundId = created.id;
    raceLoser = ids[racing.findIndex((r) => r.errors)];
    await halfAllocated(fundId, ids[3], 10 * WAN);
    expect(errorCode(await allocate(ids[3], 9 * WAN))).toBe('CONFLICT');
    expect(dataOf(await allocate(ids[3], 10 * WAN)).allocateFund).toMatchObject({
      stage: 'ALLOCATED',
      allocatedFen: 10 * WAN,
    });
    const final = dataOf(await q(tokens.linghe, FUND)).fund;
    expect(final).toMatchObject({ remainingFen: 20 * WAN, allocatedFen: 130 * WAN });
    expect(final.allocations).toHaveLength(3);
    expect(final.stageCounts.find((c: any) => c.stage === 'ALLOCATED').count).toBe(3);
    expect(errorCode(await allocate(ids[3], 10 * WAN))).toBe('CONFLICT');
  });

  it('repairs allocations a crash left half-done when the service starts again', async () => {
    // A second fund whose only application left the running, yet the fund holds money for it.
    const spare = dataOf(
      await mutate(
        tokens.linghe,
        'createFund',
        'CreateFundInput',
        {
          organizationId: org.linghe,
          name: '备用专项经费',
          year: 2023,
          budgetFen: 50 * WAN,
        },
        'id',
      ),
    ).createFund;
    const dropped = dataOf(
      await mutate(
        tokens.linghe,
        'applyForFund',
        'ApplyForFundInput',
        {
          fundId: spare.id,
          organizationId: org.street1,
          title: '未入选申报',
          requestedFen: 10 * WAN,
        },
        'id',
      ),
    ).applyForFund;
    dataOf(
      await mutate(
        tokens.linghe,
        'advanceFundApplication',
        'AdvanceFundApplicationInput',
        {
          id: dropped.id,
          to: 'NOT_SELECTED',
          note: '材料不全',
        },
        'id',
      ),
    );
    await halfAllocated(spare.id, dropped.id, 10 * WAN);
    // The race's loser is still PRESENTED; the fund now records its 20万 without the application.
    await halfAllocated(fundId, raceLoser, 20 * WAN);

    await stack.restart('rural');
    const stored = (collection: string, id: string) =>
      db()
        .collection(collection)
        .findOne({ _id: oid(id) });
    expect(await stored('fund_applications', raceLoser)).toMatchObject({
      stage: 'ALLOCATED',
      allocatedFen: 20 * WAN,
    });
    expect(await stored('funds', fundId)).toMatchObject({ remainingFen: 0 });
    expect(await stored('fund_applications', dropped.id)).toMatchObject({ stage: 'NOT_SELECTED' });
    expect(await stored('funds', spare.id)).toMatchObject({
      remainingFen: 50 * WAN,
      allocations: [],
    });
  });
});
