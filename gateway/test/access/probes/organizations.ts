import type { Role } from '@jiceng/auth';
import type { AdminApi, Probe, ProbeSet, Variables, World } from '../probe';

// Fixtures, in w.ids as `o.<key>` (apart from the other probe sets' keys): `x:A` lies under
// gridA (inside every scoped role's subtree, the MEMBER's included), `x:B` under gridB. A
// state-changing probe gives ADMIN and ORG_ADMIN a target each (`x:ADMIN`, `x:ORG_ADMIN`, both
// under gridA); a refused role aims at ADMIN's, since refusals run first.

// Valid GB 32100 credit codes (check characters computed once with the organizations service's
// completeCreditCode); every run has databases of its own.
const CREDIT_CODES = {
  firmA: '91130903MA0ACL017H',
  firmB: '91130903MA0ACL025C',
  'new:ADMIN': '91130903MA0ACL0337',
  'new:ORG_ADMIN': '91130903MA0ACL0412',
  'new:B': '91130903MA0ACL05XR',
};

const own = (w: World, role: Role, key: string) =>
  w.ids[`o.${key}:${role === 'ORG_ADMIN' ? 'ORG_ADMIN' : 'ADMIN'}`];
const nodeIds = (data: any): string[] => (data?.edges ?? []).map((e: any) => e.node.id);

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const REGION = '130903';

/** A new 党小组's inputs in gridA and gridB (createOrganization and its check take the same). */
const creationTargets = (label: string) => ({
  inside: (w: World, role: Role) => ({
    input: {
      name: `${label}${role}`,
      kind: 'GROUP',
      sector: 'GRID',
      regionCode: REGION,
      parentId: w.org.gridA,
    },
  }),
  outside: (w: World, role: Role) => ({
    input: {
      name: `${label}${role}`,
      kind: 'GROUP',
      sector: 'GRID',
      regionCode: REGION,
      parentId: w.org.gridB,
    },
  }),
});
const PERIOD = (n: number) => `${2022 + Math.floor(n / 4)}-Q${(n % 4) + 1}`;

async function setup(w: World, api: AdminApi): Promise<void> {
  const org = async (key: string, parentId: string, kind = 'BRANCH', sector = 'GRID') => {
    const input = { name: `组织探针${key}`, kind, sector, regionCode: REGION, parentId };
    w.ids[`o.${key}`] = (await api.admin(CREATE_ORG, { input })).createOrganization.id;
  };
  const perRole = async (key: string, kind?: string, sector?: string) => {
    await org(`${key}:ADMIN`, w.org.gridA, kind, sector);
    await org(`${key}:ORG_ADMIN`, w.org.gridA, kind, sector);
    await org(`${key}:B`, w.org.gridB, kind, sector);
  };
  await org('update:A', w.org.gridA);
  await org('update:B', w.org.gridB);
  await perRole('move');
  await perRole('dissolve');
  await perRole('newProject', 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT');
  await org('jc:A', w.org.gridA, 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT');
  await org('jc:B', w.org.gridB, 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT');
  // Rated communities (COMMUNITY-sector branches) whose "street" is gridA / gridB: below the
  // suite's street, as the district's communities are below the district (复评, publication).
  await org('rated:A', w.org.gridA, 'BRANCH', 'COMMUNITY');
  await org('rated:B', w.org.gridB, 'BRANCH', 'COMMUNITY');

  for (const side of ['A', 'B'] as const) {
    const grid = side === 'A' ? w.org.gridA : w.org.gridB;
    const firm = `firm${side}` as const;
    w.ids[`o.firm:${side}`] = (
      await api.admin(
        `mutation($input: CreateConstructionFirmInput!) { createConstructionFirm(input: $input) { id } }`,
        {
          input: { name: `探针建工${side}`, creditCode: CREDIT_CODES[firm], organizationId: grid },
        },
      )
    ).createConstructionFirm.id;
    w.ids[`o.creditCode:${side}`] = CREDIT_CODES[firm];
    w.ids[`o.project:${side}`] = (
      await api.admin(
        `mutation($input: CreateConstructionProjectInput!) { createConstructionProject(input: $input) { id } }`,
        {
          input: {
            name: `探针项目${side}`,
            regionCode: REGION,
            jointCommitteeId: w.ids[`o.jc:${side}`],
            firmIds: [w.ids[`o.firm:${side}`]],
          },
        },
      )
    ).createConstructionProject.id;
    w.ids[`o.area:${side}`] = (
      await api.admin(
        `mutation($input: CreateProjectAreaBranchInput!) { createProjectAreaBranch(input: $input) { id } }`,
        { input: { projectId: w.ids[`o.project:${side}`], name: `探针片区${side}` } },
      )
    ).createProjectAreaBranch.id;
    w.ids[`o.branch:${side}`] = (
      await api.admin(
        `mutation($input: CreateProjectBranchInput!) { createProjectBranch(input: $input) { id } }`,
        { input: { areaBranchId: w.ids[`o.area:${side}`], name: `探针项目支部${side}` } },
      )
    ).createProjectBranch.id;
    w.ids[`o.center:${side}`] = (
      await api.admin(
        `mutation($input: CreateServiceCenterInput!) { createServiceCenter(input: $input) { id } }`,
        { input: serviceCenterInput(grid, `探针中心${side}`) },
      )
    ).createServiceCenter.id;
  }

  const PAIR = `mutation($input: CreatePairingInput!) { createPairing(input: $input) { id } }`;
  const pairing = async (key: string, grid: string) =>
    (w.ids[`o.${key}`] = (
      await api.admin(PAIR, { input: pairingInput(w, grid, `探针共建${key}`) })
    ).createPairing.id);
  await pairing('pairing:A', w.org.gridA);
  await pairing('pairing:B', w.org.gridB);
  for (const suffix of ['ADMIN', 'ORG_ADMIN', 'B'])
    await pairing(`endPairing:${suffix}`, suffix === 'B' ? w.org.gridB : w.org.gridA);
  for (const suffix of ['ADMIN', 'ORG_ADMIN', 'B']) {
    const pairingId = w.ids[suffix === 'B' ? 'o.pairing:B' : 'o.pairing:A'];
    const { addJointProject } = await api.admin(
      `mutation($input: AddJointProjectInput!) { addJointProject(input: $input) { jointProjects { id name } } }`,
      { input: { pairingId, name: `探针联建项目${suffix}` } },
    );
    w.ids[`o.jointProject:${suffix}`] = addJointProject.jointProjects.find(
      (p: any) => p.name === `探针联建项目${suffix}`,
    ).id;
  }

  // Star ratings, each (organization, period) once: reads aim at rated:A / rated:B; 公开讲 and
  // 实地看 at communityA / communityB (the suite's street is theirs); 复评 and publication at
  // rated:A / rated:B (the suite's street is above theirs).
  // A fresh platform has no template yet.
  const { createRatingTemplate } = await api.admin(
    `mutation($input: CreateRatingTemplateInput!) { createRatingTemplate(input: $input) { aspects { criteria { code maxScore } } } }`,
    { input: templateInput('探针细则', '2021-Q1') },
  );
  const scores = createRatingTemplate.aspects.flatMap((a: any) =>
    a.criteria.map((c: any) => ({ criterionCode: c.code, score: c.maxScore })),
  );
  w.ids['o.ratingScores'] = JSON.stringify(scores);
  let period = 0;
  const rating = async (key: string, organizationId: string, steps: string[]) => {
    const { selfAssessStarRating } = await api.admin(
      `mutation($input: SelfAssessStarRatingInput!) { selfAssessStarRating(input: $input) { id } }`,
      { input: { organizationId, period: PERIOD(period++), scores, claimedStars: 3 } },
    );
    const id = selfAssessStarRating.id as string;
    for (const step of steps) await api.admin(STEPS[step].document, STEPS[step].variables(id));
    w.ids[`o.${key}`] = id;
  };
  await rating('rating:A', w.ids['o.rated:A'], []);
  await rating('rating:B', w.ids['o.rated:B'], []);
  for (const [step, before, side] of [
    ['defend', [], 'community'],
    ['inspect', ['defend'], 'community'],
    ['review', ['defend'], 'rated'],
    ['publish', ['defend', 'review'], 'rated'],
  ] as const) {
    const a = side === 'community' ? w.org.communityA : w.ids['o.rated:A'];
    const b = side === 'community' ? w.org.communityB : w.ids['o.rated:B'];
    await rating(`${step}:ADMIN`, a, [...before]);
    await rating(`${step}:ORG_ADMIN`, a, [...before]);
    await rating(`${step}:B`, b, [...before]);
  }
}

const STEPS: Record<string, { document: string; variables(id: string): Variables }> = {
  defend: {
    document: `mutation($input: DefendStarRatingInput!) { defendStarRating(input: $input) { id } }`,
    variables: (id) => ({ input: { id, score: 80, proposedStars: 3 } }),
  },
  inspect: {
    document: `mutation($input: InspectStarRatingInput!) { inspectStarRating(input: $input) { id } }`,
    variables: (id) => ({
      input: {
        id,
        findings: ['SERVICE_CENTER', 'RECORDS', 'HIGHLIGHTS'].map((check) => ({
          check,
          passed: true,
          note: '符合标准',
        })),
      },
    }),
  },
  review: {
    document: `mutation($input: ReviewStarRatingInput!) { reviewStarRating(input: $input) { id } }`,
    variables: (id) => ({ input: { id, stars: 3 } }),
  },
  publish: {
    document: `mutation($input: PublishStarRatingInput!) { publishStarRating(input: $input) { id } }`,
    variables: (id) => ({ input: { id } }),
  },
};

const serviceCenterInput = (organizationId: string, name: string) => ({
  organizationId,
  name,
  kind: 'SERVICE_CENTER',
  level: 'COMMUNITY',
  floorAreaSqm: 300,
});

const templateInput = (name: string, effectiveFrom: string) => ({
  name,
  effectiveFrom,
  fiveStarMinScore: 90,
  fourStarMinScore: 80,
  aspects: [
    {
      code: 'A',
      title: '组织建设',
      criteria: [{ code: 'A1', title: '班子健全', maxScore: 100, rule: '按标准评分' }],
    },
  ],
});

const selfAssessInput = (w: World, organizationId: string) => ({
  organizationId,
  period: '2021-Q4',
  scores: JSON.parse(w.ids['o.ratingScores']),
  claimedStars: 3,
});

const pairingInput = (w: World, grid: string, name: string) => ({
  name,
  kind: 'COMMUNITY_UNIT',
  parties: [{ organizationId: grid }, { organizationId: w.org.unit }],
});

/** A read of one entity by id: `key:A` inside, `key:B` outside. */
const byId = (document: string, key: string, name = 'id'): Probe => ({
  document,
  inside: (w) => ({ [name]: w.ids[`o.${key}:A`] }),
  outside: (w) => ({ [name]: w.ids[`o.${key}:B`] }),
});

/** A state-changing step on a fixture of the caller's own (`key:ADMIN` / `key:ORG_ADMIN`). */
const onOwn = (document: string, key: string, input: (id: string, role: Role) => Variables) =>
  ({
    document,
    inside: (w, role) => ({ input: input(own(w, role, key), role) }),
    outside: (w, role) => ({ input: input(w.ids[`o.${key}:B`], role) }),
  }) satisfies Probe;

const OUTSIDE_A = ['province', 'district', 'streetB', 'communityB', 'gridB', 'units', 'unit'];

export const organizationsProbes: ProbeSet = {
  setup,
  probes: {
    'Query.organization': {
      document: `query($id: ID!) { organization(id: $id) { id name } }`,
      inside: (w) => ({ id: w.org.gridA }),
      outside: (w) => ({ id: w.org.gridB }),
    },
    'Query.organizations': {
      document: `{ organizations(first: 100) { edges { node { id } } } }`,
      inside: () => ({}),
      leaks: (data, w, role) => {
        const foreign = [...OUTSIDE_A, ...(role === 'MEMBER' ? ['streetA', 'communityA'] : [])];
        return nodeIds(data).filter((id) => foreign.some((key) => w.org[key] === id));
      },
    },
    'Query.organizationStats': {
      document: `query($rootId: ID!) { organizationStats(rootId: $rootId) { totalCount } }`,
      inside: (w) => ({ rootId: w.org.gridA }),
      outside: (w) => ({ rootId: w.org.gridB }),
    },
    'Query.constructionFirm': byId(
      `query($id: ID!) { constructionFirm(id: $id) { id name creditCode } }`,
      'firm',
    ),
    'Query.constructionFirms': {
      document: `{ constructionFirms(first: 100) { edges { node { id } } } }`,
      inside: () => ({}),
    },
    'Query.constructionFirmByCreditCode': byId(
      `query($code: String!) { constructionFirmByCreditCode(code: $code) { id } }`,
      'creditCode',
      'code',
    ),
    'Query.pairing': byId(`query($id: ID!) { pairing(id: $id) { id name } }`, 'pairing'),
    'Query.pairingsInSubtree': {
      document: `query($organizationId: ID!) { pairingsInSubtree(organizationId: $organizationId) { edges { node { id } } } }`,
      inside: (w) => ({ organizationId: w.org.gridA }),
      outside: (w) => ({ organizationId: w.org.gridB }),
    },
    'Query.constructionProject': byId(
      `query($id: ID!) { constructionProject(id: $id) { id name } }`,
      'project',
    ),
    'Query.constructionProjects': {
      document: `{ constructionProjects(first: 100) { edges { node { id } } } }`,
      inside: () => ({}),
      leaks: (data, w) => nodeIds(data).filter((id) => id === w.ids['o.project:B']),
    },
    'Query.serviceCenter': byId(`query($id: ID!) { serviceCenter(id: $id) { id name } }`, 'center'),
    'Query.ratingTemplate': {
      document: `{ ratingTemplate { version } }`,
      inside: () => ({}),
    },
    'Query.ratingTemplates': {
      document: `{ ratingTemplates { edges { node { version } } } }`,
      inside: () => ({}),
    },
    'Query.starRating': byId(`query($id: ID!) { starRating(id: $id) { id status } }`, 'rating'),
    'Query.starRatings': {
      document: `query($filter: StarRatingFilter!) { starRatings(filter: $filter) { edges { node { id } } } }`,
      inside: (w) => ({ filter: { rootId: w.org.gridA } }),
      outside: (w) => ({ filter: { rootId: w.org.gridB } }),
    },

    // The creation's own rules, without the write: createOrganization's inputs.
    'Query.organizationCreationCheck': {
      document: `query($input: CreateOrganizationInput!) { organizationCreationCheck(input: $input) { existingOrganizationId } }`,
      ...creationTargets('核验'),
    },
    'Mutation.createOrganization': {
      document: CREATE_ORG,
      ...creationTargets('新建'),
    },
    'Mutation.updateOrganization': {
      document: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: w.ids['o.update:A'], name: `改名${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids['o.update:B'], name: `改名${role}` } }),
    },
    'Mutation.moveOrganization': {
      document: `mutation($input: MoveOrganizationInput!) { moveOrganization(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: own(w, role, 'move'), newParentId: w.org.communityA } }),
      outside: (w) => ({ input: { id: w.ids['o.move:B'], newParentId: w.org.communityB } }),
    },
    'Mutation.dissolveOrganization': onOwn(
      `mutation($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { id } }`,
      'dissolve',
      (id) => ({ id, reason: '探针撤销' }),
    ),
    'Mutation.createConstructionFirm': {
      document: `mutation($input: CreateConstructionFirmInput!) { createConstructionFirm(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          name: `新建企业${role}`,
          creditCode: CREDIT_CODES[role === 'ORG_ADMIN' ? 'new:ORG_ADMIN' : 'new:ADMIN'],
          organizationId: w.org.gridA,
        },
      }),
      outside: (w, role) => ({
        input: {
          name: `新建企业${role}`,
          creditCode: CREDIT_CODES['new:B'],
          organizationId: w.org.gridB,
        },
      }),
    },
    'Mutation.updateConstructionFirm': {
      document: `mutation($input: UpdateConstructionFirmInput!) { updateConstructionFirm(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: w.ids['o.firm:A'], name: `探针建工A${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids['o.firm:B'], name: `探针建工B${role}` } }),
    },
    'Mutation.createPairing': {
      document: `mutation($input: CreatePairingInput!) { createPairing(input: $input) { id } }`,
      inside: (w, role) => ({ input: pairingInput(w, w.org.gridA, `新建共建${role}`) }),
      outside: (w, role) => ({ input: pairingInput(w, w.org.gridB, `新建共建${role}`) }),
    },
    'Mutation.updatePairing': {
      document: `mutation($input: UpdatePairingInput!) { updatePairing(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: w.ids['o.pairing:A'], name: `共建改名${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids['o.pairing:B'], name: `共建改名${role}` } }),
    },
    'Mutation.addJointProject': {
      document: `mutation($input: AddJointProjectInput!) { addJointProject(input: $input) { id } }`,
      inside: (w, role) => ({ input: { pairingId: w.ids['o.pairing:A'], name: `联建${role}` } }),
      outside: (w, role) => ({ input: { pairingId: w.ids['o.pairing:B'], name: `联建${role}` } }),
    },
    'Mutation.changeJointProjectStatus': {
      document: `mutation($input: ChangeJointProjectStatusInput!) { changeJointProjectStatus(input: $input) { id } }`,
      inside: (w, role) => ({
        input: {
          pairingId: w.ids['o.pairing:A'],
          jointProjectId: own(w, role, 'jointProject'),
          status: 'IN_PROGRESS',
        },
      }),
      outside: (w) => ({
        input: {
          pairingId: w.ids['o.pairing:B'],
          jointProjectId: w.ids['o.jointProject:B'],
          status: 'IN_PROGRESS',
        },
      }),
    },
    'Mutation.endPairing': onOwn(
      `mutation($input: EndPairingInput!) { endPairing(input: $input) { id } }`,
      'endPairing',
      (id) => ({ id, reason: '探针结束' }),
    ),
    'Mutation.createConstructionProject': onOwn(
      `mutation($input: CreateConstructionProjectInput!) { createConstructionProject(input: $input) { id } }`,
      'newProject',
      (jointCommitteeId, role) => ({
        name: `新建项目${role}`,
        regionCode: REGION,
        jointCommitteeId,
      }),
    ),
    'Mutation.updateConstructionProject': {
      document: `mutation($input: UpdateConstructionProjectInput!) { updateConstructionProject(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: w.ids['o.project:A'], name: `项目改名${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids['o.project:B'], name: `项目改名${role}` } }),
    },
    'Mutation.createProjectAreaBranch': {
      document: `mutation($input: CreateProjectAreaBranchInput!) { createProjectAreaBranch(input: $input) { id } }`,
      inside: (w, role) => ({ input: { projectId: w.ids['o.project:A'], name: `片区${role}` } }),
      outside: (w, role) => ({ input: { projectId: w.ids['o.project:B'], name: `片区${role}` } }),
    },
    'Mutation.createProjectBranch': {
      document: `mutation($input: CreateProjectBranchInput!) { createProjectBranch(input: $input) { id } }`,
      inside: (w, role) => ({ input: { areaBranchId: w.ids['o.area:A'], name: `支部${role}` } }),
      outside: (w, role) => ({ input: { areaBranchId: w.ids['o.area:B'], name: `支部${role}` } }),
    },
    'Mutation.createProjectTeamGroup': {
      document: `mutation($input: CreateProjectTeamGroupInput!) { createProjectTeamGroup(input: $input) { id } }`,
      inside: (w, role) => ({ input: { branchId: w.ids['o.branch:A'], name: `班组${role}` } }),
      outside: (w, role) => ({ input: { branchId: w.ids['o.branch:B'], name: `班组${role}` } }),
    },
    'Mutation.assignBranchToFirm': {
      document: `mutation($input: AssignBranchToFirmInput!) { assignBranchToFirm(input: $input) { id } }`,
      inside: (w) => ({ input: { branchId: w.ids['o.branch:A'], firmId: w.ids['o.firm:A'] } }),
      outside: (w) => ({ input: { branchId: w.ids['o.branch:B'], firmId: w.ids['o.firm:B'] } }),
    },
    'Mutation.createServiceCenter': {
      document: `mutation($input: CreateServiceCenterInput!) { createServiceCenter(input: $input) { id } }`,
      inside: (w, role) => ({ input: serviceCenterInput(w.org.gridA, `新建中心${role}`) }),
      outside: (w, role) => ({ input: serviceCenterInput(w.org.gridB, `新建中心${role}`) }),
    },
    'Mutation.updateServiceCenter': {
      document: `mutation($input: UpdateServiceCenterInput!) { updateServiceCenter(input: $input) { id } }`,
      inside: (w, role) => ({ input: { id: w.ids['o.center:A'], name: `中心改名${role}` } }),
      outside: (w, role) => ({ input: { id: w.ids['o.center:B'], name: `中心改名${role}` } }),
    },
    'Mutation.createRatingTemplate': {
      document: `mutation($input: CreateRatingTemplateInput!) { createRatingTemplate(input: $input) { version } }`,
      // After every period the fixtures rated.
      inside: (_w, role) => ({ input: templateInput(`探针细则${role}`, '2030-Q1') }),
    },
    'Mutation.selfAssessStarRating': {
      document: `mutation($input: SelfAssessStarRatingInput!) { selfAssessStarRating(input: $input) { id } }`,
      // A period none of the fixtures rated, the fixtures' template at full marks.
      inside: (w) => ({ input: selfAssessInput(w, w.org.communityA) }),
      outside: (w) => ({ input: selfAssessInput(w, w.org.communityB) }),
    },
    'Mutation.defendStarRating': onOwn(
      STEPS.defend.document,
      'defend',
      (id) => STEPS.defend.variables(id).input as Variables,
    ),
    'Mutation.inspectStarRating': onOwn(
      STEPS.inspect.document,
      'inspect',
      (id) => STEPS.inspect.variables(id).input as Variables,
    ),
    'Mutation.reviewStarRating': onOwn(
      STEPS.review.document,
      'review',
      (id) => STEPS.review.variables(id).input as Variables,
    ),
    'Mutation.publishStarRating': onOwn(
      STEPS.publish.document,
      'publish',
      (id) => STEPS.publish.variables(id).input as Variables,
    ),
  },
};
