import type { Role } from '@jiceng/auth';
import { otherMember, type AdminApi, type Probe, type ProbeSet, type World } from '../probe';

// The rural subgraph's probes. Its records hang on villages (sector VILLAGE) and townships, which
// the shared tree lacks: setup adds a township with two villages below streetA (inside every
// scoped role's subtree) and below streetB (outside), and a 寿光 township with three villages for
// the other side of cross-province pairings. Fixture keys end in B on the streetB side.
//
// A changing mutation gets one target per writing role (ADMIN, ORG_ADMIN), so the second writer
// does not meet the first one's CONFLICT; refused roles aim at ADMIN's target before it is used.

const YEAR = 2023;
const K = (name: string) => `rural.${name}`;
const writer = (role: Role) => (role === 'ORG_ADMIN' ? 'ORG_ADMIN' : 'ADMIN');
/** The fixture `name` of the role's own (`name.ADMIN` or `name.ORG_ADMIN`). */
const own = (w: World, name: string, role: Role) => w.ids[K(`${name}.${writer(role)}`)];
const id = (w: World, name: string) => w.ids[K(name)];

const nodesOf = (data: any): any[] => (data?.edges ?? []).map((e: any) => e.node);
const bSide = (w: World) =>
  new Set(
    Object.entries(w.ids)
      .filter(([key]) => key.startsWith('rural.') && /B\d?$/.test(key))
      .map(([, value]) => value),
  );
/** A list's nodes that lie on the streetB side. */
const leaksB = (data: any, w: World) => {
  const outside = bSide(w);
  return nodesOf(data)
    .map((n) => n.id)
    .filter((x: string) => outside.has(x));
};

const readById = (field: string, selection: string, name: string): Probe => ({
  document: `query($id: ID!) { ${field}(id: $id) { ${selection} } }`,
  inside: (w) => ({ id: id(w, name) }),
  outside: (w) => ({ id: id(w, `${name}B`) }),
});

const listBySubtree = (field: string, selection = 'id'): Probe => ({
  document: `query($org: ID) { ${field}(organizationId: $org, first: 100) { edges { node { ${selection} } } totalCount } }`,
  inside: () => ({}),
  outside: (w) => ({ org: w.org.streetB }),
  leaks: leaksB,
});

const figures = (field: string, args: string, selection: string): Probe => ({
  document: `query($org: ID) { ${field}(organizationId: $org${args}) { ${selection} } }`,
  inside: (w) => ({ org: w.org.streetA }),
  outside: (w) => ({ org: w.org.streetB }),
});

/** A mutation taking `input`: `inside` the role's streetA-side input, `outside` the streetB one. */
const mutation = (
  field: string,
  type: string,
  inside: (w: World, role: Role) => object,
  outside: (w: World, role: Role) => object,
): Probe => ({
  document: `mutation($input: ${type}!) { ${field}(input: $input) { id } }`,
  inside: (w, role) => ({ input: inside(w, role) }),
  outside: (w, role) => ({ input: outside(w, role) }),
});

// Without the member's record: a sheet's own fields carry no personal data, and a refused
// Member reference would hide whether the sheet itself was answered.
const SHEET = 'id memberId organizationId year stage';

export const ruralProbes: ProbeSet = {
  setup: (w, api) => setup(w, api),
  probes: {
    'Query.ruralProject': readById('ruralProject', 'id name villageIds status', 'project'),
    'Query.ruralProjects': listBySubtree('ruralProjects'),
    'Query.commitmentSheet': {
      document: `query($id: ID!) { commitmentSheet(id: $id) { ${SHEET} } }`,
      inside: (w) => ({ id: id(w, 'sheet') }),
      // For a member, another member's sheet filed in its own branch.
      outside: (w, role) => ({ id: id(w, role === 'MEMBER' ? 'sheet.peer' : 'sheetB') }),
    },
    'Query.commitmentSheetOf': {
      document: `query($m: ID!, $y: Int!) { commitmentSheetOf(memberId: $m, year: $y) { ${SHEET} } }`,
      inside: (w) => ({ m: w.self, y: YEAR }),
      outside: (w, role) => ({ m: otherMember(w, role), y: YEAR }),
    },
    'Query.commitmentSheets': {
      ...listBySubtree('commitmentSheets', SHEET),
      leaks: (data, w, role) =>
        role === 'MEMBER'
          ? nodesOf(data)
              .filter((n) => n.memberId !== w.self)
              .map((n) => `sheet ${n.id} of ${n.memberId}`)
          : leaksB(data, w),
    },
    'Query.commitmentSheetStats': figures('commitmentSheetStats', ', year: 2023', 'sheets goals'),
    'Query.contest': readById('contest', 'id quarter status entries { id }', 'contest'),
    'Query.contests': listBySubtree('contests'),
    'Query.fund': readById('fund', 'id name remainingFen', 'fund'),
    'Query.funds': listBySubtree('funds'),
    'Query.fundApplication': readById('fundApplication', 'id stage', 'application'),
    'Query.ruralPairing': readById('ruralPairing', 'id name villageIds', 'pairing'),
    'Query.ruralPairings': listBySubtree('ruralPairings'),
    'Query.ruralPairingSummary': figures('ruralPairingSummary', '', 'pairings villages'),
    'Query.ruralFundingTotals': figures('ruralFundingTotals', '', 'investmentFen subsidyFen'),
    'Query.villagesByCollectiveIncome': {
      document: `query($org: ID) { villagesByCollectiveIncome(organizationId: $org, year: 2023, minFen: 50000000) { count villages { villageId } } }`,
      inside: () => ({}),
      outside: (w) => ({ org: w.org.streetB }),
      leaks: (data, w) =>
        (data?.villages ?? []).map((v: any) => v.villageId).filter((x: string) => bSide(w).has(x)),
    },
    'Query.secretaryProject': readById('secretaryProject', 'id title state', 'secretary'),
    'Query.secretaryProjects': listBySubtree('secretaryProjects'),
    'Query.secretaryProjectCompletion': {
      document: `query($org: ID) { secretaryProjectCompletion(organizationId: $org, year: 2023) { year total } }`,
      inside: (w) => ({ org: w.org.streetA }),
      outside: (w) => ({ org: w.org.streetB }),
    },

    'Mutation.createRuralProject': mutation(
      'createRuralProject',
      'CreateRuralProjectInput',
      (w, role) => projectInput(`新建项目-${role}-${w.run}`, id(w, 'vA1')),
      (w, role) => projectInput(`新建项目B-${role}-${w.run}`, id(w, 'vB1')),
    ),
    'Mutation.recordRuralFunding': mutation(
      'recordRuralFunding',
      'RecordRuralFundingInput',
      (w) => fundingInput(id(w, 'project'), id(w, 'vA1')),
      (w) => fundingInput(id(w, 'projectB'), id(w, 'vB1')),
    ),
    'Mutation.recordCollectiveIncome': mutation(
      'recordCollectiveIncome',
      'RecordCollectiveIncomeInput',
      (w) => ({ projectId: id(w, 'project'), villageId: id(w, 'vA1'), year: 2022, amountFen: 1 }),
      (w) => ({ projectId: id(w, 'projectB'), villageId: id(w, 'vB1'), year: 2022, amountFen: 1 }),
    ),
    'Mutation.addRuralMilestone': mutation(
      'addRuralMilestone',
      'AddRuralMilestoneInput',
      (w, role) => ({ projectId: id(w, 'project'), title: `验收-${role}`, dueOn: '2023-12-31' }),
      (w, role) => ({ projectId: id(w, 'projectB'), title: `验收-${role}`, dueOn: '2023-12-31' }),
    ),
    'Mutation.reachRuralMilestone': mutation(
      'reachRuralMilestone',
      'ReachRuralMilestoneInput',
      (w, role) => ({
        projectId: id(w, 'project'),
        milestoneId: own(w, 'milestone', role),
        reachedOn: '2023-05-01',
      }),
      (w) => ({
        projectId: id(w, 'projectB'),
        milestoneId: id(w, 'milestoneB'),
        reachedOn: '2023-05-01',
      }),
    ),
    'Mutation.advanceRuralProjectStatus': mutation(
      'advanceRuralProjectStatus',
      'AdvanceRuralProjectStatusInput',
      // ADMIN takes the project to IN_PROGRESS, then ORG_ADMIN completes it.
      (w, role) =>
        role === 'ORG_ADMIN'
          ? { id: id(w, 'advance'), to: 'COMPLETED', on: '2023-03-01' }
          : { id: id(w, 'advance'), to: 'IN_PROGRESS', on: '2023-02-01' },
      (w) => ({ id: id(w, 'advanceB'), to: 'IN_PROGRESS', on: '2023-02-01' }),
    ),
    'Mutation.fileCommitmentSheet': mutation(
      'fileCommitmentSheet',
      'FileCommitmentSheetInput',
      (w, role) => sheetInput(w.self, id(w, 'vA1'), role === 'ORG_ADMIN' ? 2011 : 2010),
      (w) => sheetInput(w.stranger, id(w, 'vB1'), 2010),
    ),
    'Mutation.reportCommitmentSheetMidYear': mutation(
      'reportCommitmentSheetMidYear',
      'ReportCommitmentSheetInput',
      (w, role) => ({ id: own(w, 'report', role), report: '年中汇报：目标推进顺利' }),
      (w) => ({ id: id(w, 'reportB'), report: '年中汇报：目标推进顺利' }),
    ),
    'Mutation.assessCommitmentSheet': mutation(
      'assessCommitmentSheet',
      'AssessCommitmentSheetInput',
      (w, role) => ({ id: own(w, 'assess', role), completedGoals: 1, score: 90 }),
      (w) => ({ id: id(w, 'assessB'), completedGoals: 1, score: 90 }),
    ),
    'Mutation.createContest': mutation(
      'createContest',
      'CreateContestInput',
      (w, role) => contestInput(id(w, 'townA'), role === 'ORG_ADMIN' ? '2024-Q2' : '2024-Q1'),
      (w) => contestInput(id(w, 'townB'), '2024-Q1'),
    ),
    'Mutation.enterContest': mutation(
      'enterContest',
      'EnterContestInput',
      (w, role) => ({
        contestId: id(w, role === 'ORG_ADMIN' ? 'contest2' : 'contest'),
        organizationId: id(w, 'vA2'),
        title: '支部领办合作社',
      }),
      (w) => ({ contestId: id(w, 'contestB'), organizationId: id(w, 'vB2'), title: '文旅融合' }),
    ),
    'Mutation.scoreContestEntry': mutation(
      'scoreContestEntry',
      'ScoreContestEntryInput',
      (w, role) => ({
        contestId: id(w, 'contest'),
        entryId: id(w, 'entry'),
        juror: role === 'ORG_ADMIN' ? '乙' : '甲',
        score: 88,
      }),
      (w) => ({ contestId: id(w, 'contestB'), entryId: id(w, 'entryB'), juror: '甲', score: 88 }),
    ),
    'Mutation.closeContest': mutation(
      'closeContest',
      'CloseContestInput',
      (w, role) => ({ id: own(w, 'close', role) }),
      (w) => ({ id: id(w, 'closeB') }),
    ),
    'Mutation.createFund': mutation(
      'createFund',
      'CreateFundInput',
      (w, role) => fundInput(id(w, 'townA'), `专项经费-${role}`),
      (w, role) => fundInput(id(w, 'townB'), `专项经费B-${role}`),
    ),
    'Mutation.applyForFund': {
      document: `mutation($input: ApplyForFundInput!) { applyForFund(input: $input) { id } }`,
      inside: (w, role) => ({
        input: applicationInput(id(w, 'fund.apply'), id(w, role === 'ORG_ADMIN' ? 'vA2' : 'vA1')),
      }),
      outside: (w) => ({ input: applicationInput(id(w, 'fund.applyB'), id(w, 'vB1')) }),
    },
    'Mutation.advanceFundApplication': mutation(
      'advanceFundApplication',
      'AdvanceFundApplicationInput',
      (w, role) => ({ id: own(w, 'application', role), to: 'RECOMMENDED' }),
      (w) => ({ id: id(w, 'applicationB'), to: 'RECOMMENDED' }),
    ),
    'Mutation.allocateFund': mutation(
      'allocateFund',
      'AllocateFundInput',
      (w, role) => ({ applicationId: own(w, 'allocation', role), amountFen: 500 }),
      (w) => ({ applicationId: id(w, 'allocationB'), amountFen: 500 }),
    ),
    'Mutation.createRuralPairing': mutation(
      'createRuralPairing',
      'CreateRuralPairingInput',
      (w, role) => pairingInput(id(w, 'vA1'), id(w, role === 'ORG_ADMIN' ? 'vS3' : 'vS2')),
      (w) => pairingInput(id(w, 'vB1'), id(w, 'vS2')),
    ),
    'Mutation.proposeSecretaryProject': mutation(
      'proposeSecretaryProject',
      'ProposeSecretaryProjectInput',
      (w, role) => ({ organizationId: id(w, 'townA'), year: YEAR, title: `书记项目-${role}` }),
      (w, role) => ({ organizationId: id(w, 'townB'), year: YEAR, title: `书记项目-${role}` }),
    ),
    'Mutation.advanceSecretaryProject': mutation(
      'advanceSecretaryProject',
      'AdvanceSecretaryProjectInput',
      (w, role) => ({ id: own(w, 'secretary.advance', role), to: 'APPROVED' }),
      (w) => ({ id: id(w, 'secretary.advanceB'), to: 'APPROVED' }),
    ),
  },
};

const projectInput = (name: string, villageId: string) => ({
  name,
  villageIds: [villageId],
  kind: 'COOPERATIVE',
  areaMu: 10,
  startYear: 2022,
  plannedOn: '2023-01-01',
});
const fundingInput = (projectId: string, villageId: string) => ({
  projectId,
  type: 'INVESTMENT',
  villageId,
  year: YEAR,
  amountFen: 100_000,
  source: '龙头企业',
});
const sheetInput = (memberId: string, organizationId: string, year: number) => ({
  memberId,
  organizationId,
  year,
  role: 'SECRETARY',
  goals: [{ title: '发展壮大村集体经济' }],
});
const contestInput = (organizationId: string, quarter: string, jurors = ['甲', '乙']) => ({
  organizationId,
  quarter,
  theme: '乡村振兴擂台赛',
  jurors,
  winnerCount: 1,
});
const fundInput = (organizationId: string, name: string) => ({
  organizationId,
  name,
  year: YEAR,
  budgetFen: 150_000_000,
});
const applicationInput = (fundId: string, organizationId: string) => ({
  fundId,
  organizationId,
  title: '村级活动场所提升',
  requestedFen: 10_000,
});
const pairingInput = (a: string, b: string) => ({
  program: '雄安—潍坊跨省党建联建',
  villageIds: [a, b],
  startedOn: '2023-03-01',
});

async function setup(w: World, api: AdminApi): Promise<void> {
  const put = (name: string, value: string) => (w.ids[K(name)] = value);
  const mutate = async (field: string, type: string, input: object, select = 'id') =>
    (
      await api.admin(`mutation($input: ${type}!) { ${field}(input: $input) { ${select} } }`, {
        input,
      })
    )[field];
  const org = async (
    name: string,
    kind: string,
    sector: string,
    regionCode: string,
    parent?: string,
  ) =>
    put(
      name,
      (
        await mutate('createOrganization', 'CreateOrganizationInput', {
          name: `${name}-${w.run}`,
          kind,
          sector,
          regionCode,
          ...(parent && { parentId: parent }),
        })
      ).id,
    );
  await org('townA', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130903', w.org.streetA);
  await org('townB', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130903', w.org.streetB);
  await org('townS', 'PARTY_COMMITTEE', 'STATE_ORGAN', '370783');
  for (const [name, parent] of [
    ['vA1', 'townA'],
    ['vA2', 'townA'],
    ['vB1', 'townB'],
    ['vB2', 'townB'],
  ])
    await org(name, 'BRANCH', 'VILLAGE', '130903', id(w, parent));
  for (const name of ['vS1', 'vS2', 'vS3'])
    await org(name, 'BRANCH', 'VILLAGE', '370783', id(w, 'townS'));

  // The rural service learns the new organizations from the lifecycle topic: the first write
  // naming each side waits for them.
  const project = async (name: string, village: string) =>
    put(
      name,
      (
        await api.eventually(() =>
          mutate(
            'createRuralProject',
            'CreateRuralProjectInput',
            projectInput(`${name}-${w.run}`, id(w, village)),
          ),
        )
      ).id,
    );
  await project('project', 'vA1');
  await project('projectB', 'vB1');
  await project('advance', 'vA1');
  await project('advanceB', 'vB1');
  for (const [p, v] of [
    ['project', 'vA1'],
    ['projectB', 'vB1'],
  ]) {
    await mutate('recordRuralFunding', 'RecordRuralFundingInput', fundingInput(id(w, p), id(w, v)));
    await mutate('recordCollectiveIncome', 'RecordCollectiveIncomeInput', {
      projectId: id(w, p),
      villageId: id(w, v),
      year: YEAR,
      amountFen: 60_000_000,
    });
  }
  const milestone = async (name: string, project: string) => {
    const title = `${name}-${w.run}`;
    const { milestones } = await mutate(
      'addRuralMilestone',
      'AddRuralMilestoneInput',
      { projectId: id(w, project), title, dueOn: '2023-06-30' },
      'milestones { id title }',
    );
    put(name, milestones.find((m: { title: string }) => m.title === title).id);
  };
  await milestone('milestone.ADMIN', 'project');
  await milestone('milestone.ORG_ADMIN', 'project');
  await milestone('milestoneB', 'projectB');

  await api
    .eventually(() =>
      mutate(
        'createRuralPairing',
        'CreateRuralPairingInput',
        pairingInput(id(w, 'vA1'), id(w, 'vS1')),
      ),
    )
    .then((p) => put('pairing', p.id));
  put(
    'pairingB',
    (
      await mutate(
        'createRuralPairing',
        'CreateRuralPairingInput',
        pairingInput(id(w, 'vB1'), id(w, 'vS1')),
      )
    ).id,
  );

  // Commitment sheets: the member's own (filed in a village), the peer's (filed in the member's
  // own branch) and the stranger's; and sheets to report on and to assess.
  const sheet = async (name: string, member: string, orgId: string, year: number, steps = 0) => {
    const created = await mutate(
      'fileCommitmentSheet',
      'FileCommitmentSheetInput',
      sheetInput(member, orgId, year),
    );
    put(name, created.id);
    if (steps > 0)
      await mutate('reportCommitmentSheetMidYear', 'ReportCommitmentSheetInput', {
        id: created.id,
        report: '年中汇报：目标推进顺利',
      });
  };
  await sheet('sheet', w.self, id(w, 'vA1'), YEAR);
  await sheet('sheet.peer', w.peer, w.org.gridA, YEAR);
  await sheet('sheetB', w.stranger, id(w, 'vB1'), YEAR);
  await sheet('report.ADMIN', w.self, id(w, 'vA1'), 2012);
  await sheet('report.ORG_ADMIN', w.self, id(w, 'vA1'), 2013);
  await sheet('reportB', w.stranger, id(w, 'vB1'), 2012);
  await sheet('assess.ADMIN', w.self, id(w, 'vA1'), 2014, 1);
  await sheet('assess.ORG_ADMIN', w.self, id(w, 'vA1'), 2015, 1);
  await sheet('assessB', w.stranger, id(w, 'vB1'), 2014, 1);

  // Contests: entries to score, and contests ready to close (every juror scored every entry).
  const contest = async (name: string, town: string, quarter: string, jurors: string[]) =>
    put(
      name,
      (
        await mutate(
          'createContest',
          'CreateContestInput',
          contestInput(id(w, town), quarter, jurors),
        )
      ).id,
    );
  const enter = async (name: string, contestName: string, village: string) => {
    const { entries } = await mutate(
      'enterContest',
      'EnterContestInput',
      { contestId: id(w, contestName), organizationId: id(w, village), title: '党建引领产业振兴' },
      'entries { id organizationId }',
    );
    put(
      name,
      entries.find((e: { organizationId: string }) => e.organizationId === id(w, village)).id,
    );
  };
  await contest('contest', 'townA', '2023-Q1', ['甲', '乙']);
  await contest('contest2', 'townA', '2023-Q2', ['甲']);
  await contest('contestB', 'townB', '2023-Q1', ['甲', '乙']);
  await enter('entry', 'contest', 'vA1');
  await enter('entryB', 'contestB', 'vB1');
  for (const [name, town, quarter, village] of [
    ['close.ADMIN', 'townA', '2023-Q3', 'vA1'],
    ['close.ORG_ADMIN', 'townA', '2023-Q4', 'vA1'],
    ['closeB', 'townB', '2023-Q2', 'vB1'],
  ]) {
    await contest(name, town, quarter, ['甲']);
    await enter(`${name}.entry`, name, village);
    await mutate('scoreContestEntry', 'ScoreContestEntryInput', {
      contestId: id(w, name),
      entryId: id(w, `${name}.entry`),
      juror: '甲',
      score: 80,
    });
  }

  // Funds: applications to recommend, and applications presented, ready to allocate.
  const fund = async (name: string, town: string) =>
    put(
      name,
      (await mutate('createFund', 'CreateFundInput', fundInput(id(w, town), `${name}-${w.run}`)))
        .id,
    );
  const apply = async (name: string, fundName: string, village: string, presented = false) => {
    put(
      name,
      (
        await mutate(
          'applyForFund',
          'ApplyForFundInput',
          applicationInput(id(w, fundName), id(w, village)),
        )
      ).id,
    );
    if (presented)
      for (const to of ['RECOMMENDED', 'REVIEWED', 'SITE_VISITED', 'PRESENTED'])
        await mutate('advanceFundApplication', 'AdvanceFundApplicationInput', {
          id: id(w, name),
          to,
          score: 85,
        });
  };
  await fund('fund', 'townA');
  await fund('fundB', 'townB');
  await fund('fund.apply', 'townA');
  await fund('fund.applyB', 'townB');
  await fund('fund.allocate', 'townA');
  await fund('fund.allocateB', 'townB');
  await apply('application.ADMIN', 'fund', 'vA1');
  // Reading an application does not care for its stage: the one ADMIN recommends serves.
  put('application', id(w, 'application.ADMIN'));
  await apply('application.ORG_ADMIN', 'fund', 'vA2');
  await apply('applicationB', 'fundB', 'vB1');
  await apply('allocation.ADMIN', 'fund.allocate', 'vA1', true);
  await apply('allocation.ORG_ADMIN', 'fund.allocate', 'vA2', true);
  await apply('allocationB', 'fund.allocateB', 'vB1', true);

  const secretary = async (name: string, town: string) =>
    put(
      name,
      (
        await mutate('proposeSecretaryProject', 'ProposeSecretaryProjectInput', {
          organizationId: id(w, town),
          year: YEAR,
          title: `${name}-${w.run}`,
        })
      ).id,
    );
  await secretary('secretary', 'townA');
  await secretary('secretaryB', 'townB');
  await secretary('secretary.advance.ADMIN', 'townA');
  await secretary('secretary.advance.ORG_ADMIN', 'townA');
  await secretary('secretary.advanceB', 'townB');
}
