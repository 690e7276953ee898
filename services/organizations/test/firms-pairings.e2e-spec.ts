import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { Topics } from '@jiceng/events';
import { createKafka } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  gql,
  probeTopic,
  startApp,
  tokenFor,
  type AppProcess,
  type GraphQLResult,
  type TopicProbe,
} from '@jiceng/testing';
import { completeCreditCode } from '../src/firm/credit-code';

// Every other subgraph of the gateway is pointed at a closed port: these queries need none.
const UNUSED = 'http://127.0.0.1:9/graphql';

describe('construction firms, projects, pairings and service centres through the gateway', () => {
  const dbName = `jiceng_organizations_e2e_${randomBytes(4).toString('hex')}`;
  let subgraph: AppProcess;
  let gateway: AppProcess;
  let projectEvents: TopicProbe;
  let pairingEvents: TopicProbe;
  let db: Connection;
  const admin = tokenFor('ADMIN');

  const run = (token: string, query: string, variables?: object) =>
    gql(gateway.baseUrl, token, query, variables);
  const ok = async (token: string, query: string, variables?: object) => {
    const res = await run(token, query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const expectError = (res: GraphQLResult, code: string, fields?: string[]) => {
    expect(res.errors?.[0].extensions?.code).toBe(code);
    if (fields)
      expect(res.errors?.[0].extensions?.fields.map((f: any) => f.field).sort()).toEqual(fields);
  };
  const count = (collection: string) => db.collection(collection).countDocuments();

  const org = async (
    name: string,
    kind: string,
    sector: string,
    regionCode: string,
    parentId?: string,
  ) =>
    (
      await ok(
        admin,
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name, kind, sector, regionCode, parentId } },
      )
    ).createOrganization.id as string;

  const ids: Record<string, string> = {};
  const codeA = completeCreditCode('91130632MA0CKD1X');
  const codeB = completeCreditCode('91110000MA01ABC2');

  beforeAll(async () => {
    [projectEvents, pairingEvents] = await Promise.all([
      probeTopic(createKafka('jiceng-test-probe'), Topics.organizationsProjects),
      probeTopic(createKafka('jiceng-test-probe'), Topics.organizationsPairings),
    ]);
    subgraph = await startApp('services/organizations', { MONGO_DB: dbName });
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: subgraph.url,
      SUBGRAPH_URL_MEMBERS: UNUSED,
    });
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();

    ids.hebei = await org('河北省委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130000');
    ids.xiongan = await org(
      '雄安新区党工委',
      'WORKING_COMMITTEE',
      'STATE_ORGAN',
      '130632',
      ids.hebei,
    );
    ids.comprehensive = await org(
      '雄安综合党委',
      'COMPREHENSIVE_COMMITTEE',
      'NON_PUBLIC_ENTERPRISE',
      '130632',
      ids.xiongan,
    );
    ids.jc = await org(
      '雄安高铁站项目联合党委',
      'JOINT_COMMITTEE',
      'CONSTRUCTION_PROJECT',
      '130632',
      ids.comprehensive,
    );
    ids.firmBranch = await org(
      '冀建集团党支部',
      'BRANCH',
      'NON_PUBLIC_ENTERPRISE',
      '130632',
      ids.comprehensive,
    );
    ids.anxin = await org('安新县委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130632', ids.xiongan);
    ids.villageA = await org('安新第一村党支部', 'BRANCH', 'VILLAGE', '130632', ids.anxin);
    ids.villageB = await org('安新第二村党支部', 'BRANCH', 'VILLAGE', '130632', ids.anxin);
    ids.yunhe = await org('运河区委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '130903', ids.hebei);
    ids.street = await org(
      '水月寺街道党工委',
      'WORKING_COMMITTEE',
      'COMMUNITY',
      '130903',
      ids.yunhe,
    );
    ids.community = await org('朝阳社区党委', 'PARTY_COMMITTEE', 'COMMUNITY', '130903', ids.street);
    ids.units = await org(
      '运河区直属机关工委',
      'WORKING_COMMITTEE',
      'STATE_ORGAN',
      '130903',
      ids.yunhe,
    );
    ids.unit1 = await org('运河区法院机关党支部', 'BRANCH', 'STATE_ORGAN', '130903', ids.units);
    ids.unit2 = await org('运河区税务局机关党支部', 'BRANCH', 'STATE_ORGAN', '130903', ids.units);
    ids.shandong = await org('山东省委', 'PARTY_COMMITTEE', 'STATE_ORGAN', '370000');
    ids.weifangVillage = await org('寿光第一村党支部', 'BRANCH', 'VILLAGE', '370783', ids.shandong);
  });

  afterAll(async () => {
    await Promise.all([
      gateway?.stop(),
      subgraph?.stop(),
      projectEvents?.stop(),
      pairingEvents?.stop(),
    ]);
    await db?.dropDatabase();
    await db?.close();
  });

  const FIRM = 'id name creditCode registrationRegionCode status statusLabel organization { id }';
  const CREATE_FIRM = `mutation($input: CreateConstructionFirmInput!) { createConstructionFirm(input: $input) { ${FIRM} } }`;

  describe('construction firms', () => {
    it('registers a firm with a valid credit code, upper-casing what was typed', async () => {
      const { createConstructionFirm: firm } = await ok(admin, CREATE_FIRM, {
        input: {
          name: '冀建集团有限公司',
          creditCode: codeA.toLowerCase(),
          organizationId: ids.firmBranch,
        },
      });
      expect(firm).toMatchObject({
        creditCode: codeA,
        registrationRegionCode: '130632',
        status: 'ACTIVE',
        statusLabel: '存续',
        organization: { id: ids.firmBranch },
      });
      ids.firmA = firm.id;
      // An ORG_ADMIN registers a firm whose party organization lies in its scope.
      const { createConstructionFirm: other } = await ok(
        tokenFor('ORG_ADMIN', ids.xiongan),
        CREATE_FIRM,
        {
          input: { name: '京雄建工有限公司', creditCode: codeB, organizationId: ids.comprehensive },
        },
      );
      ids.firmB = other.id;
      // Each firm's party organization knows its firm (batched); other organizations have none.
      const owners = await ok(
        admin,
        `query($a: ID!, $b: ID!, $c: ID!) {
          a: organization(id: $a) { constructionFirm { id } }
          b: organization(id: $b) { constructionFirm { id } }
          c: organization(id: $c) { constructionFirm { id } } }`,
        { a: ids.firmBranch, b: ids.comprehensive, c: ids.xiongan },
      );
      expect(owners).toEqual({
        a: { constructionFirm: { id: ids.firmA } },
        b: { constructionFirm: { id: ids.firmB } },
        c: { constructionFirm: null },
      });
    });

    it('refuses a registered code with CONFLICT naming it, and writes nothing', async () => {
      const before = await count('construction_firms');
      const res = await run(admin, CREATE_FIRM, {
        input: { name: '重复登记公司', creditCode: codeA },
      });
      expectError(res, 'CONFLICT');
      expect(res.errors?.[0].message).toContain(codeA);
      expect(await count('construction_firms')).toBe(before);
    });

    it('refuses a wrong check character with BAD_USER_INPUT on input.creditCode, and writes nothing', async () => {
      const before = await count('construction_firms');
      const wrong = codeA.slice(0, 17) + (codeA[17] === '0' ? '1' : '0');
      const res = await run(admin, CREATE_FIRM, {
        input: { name: '校验失败公司', creditCode: wrong },
      });
      expectError(res, 'BAD_USER_INPUT', ['input.creditCode']);
      expect(res.errors?.[0].extensions?.fields[0].message).toMatch(/check character/);
      const short = await run(admin, CREATE_FIRM, {
        input: { name: '位数不足公司', creditCode: '9113' },
      });
      expectError(short, 'BAD_USER_INPUT', ['input.creditCode']);
      expect(await count('construction_firms')).toBe(before);
    });

    it('keeps an ORG_ADMIN to firms of its own scope', async () => {
      const before = await count('construction_firms');
      const yunheAdmin = tokenFor('ORG_ADMIN', ids.yunhe);
      const res = await run(yunheAdmin, CREATE_FIRM, {
        input: {
          name: '越权登记公司',
          creditCode: completeCreditCode('91130903MA0AAAA1'),
          organizationId: ids.firmBranch,
        },
      });
      expectError(res, 'FORBIDDEN');
      expect(res.data).toBeNull();
      const update = await run(
        yunheAdmin,
        'mutation($id: ID!) { updateConstructionFirm(input: { id: $id, name: "越权改名" }) { name } }',
        { id: ids.firmA },
      );
      expectError(update, 'FORBIDDEN');
      expect(await count('construction_firms')).toBe(before);
    });

    it('finds firms by id, credit code and filter', async () => {
      const data = await ok(
        admin,
        `query($code: String!, $id: ID!) {
          byCode: constructionFirmByCreditCode(code: $code) { id }
          byId: constructionFirm(id: $id) { name }
          xiongan: constructionFirms(filter: { registrationRegionPrefix: "1306" }) { totalCount edges { node { id } } }
          named: constructionFirms(filter: { nameContains: "京雄" }) { totalCount }
        }`,
        { code: codeA, id: ids.firmB },
      );
      expect(data.byCode.id).toBe(ids.firmA);
      expect(data.byId.name).toBe('京雄建工有限公司');
      expect(data.xiongan.edges.map((e: any) => e.node.id)).toEqual([ids.firmA]);
      expect(data.named.totalCount).toBe(1);
    });
  });

  describe('construction projects', () => {
    const PROJECT =
      'id name status statusLabel version jointCommittee { id } firms { id creditCode }';

    it('creates a project on a joint committee with its firms, once per committee', async () => {
      const create = `mutation($input: CreateConstructionProjectInput!) { createConstructionProject(input: $input) { ${PROJECT} } }`;
      const input = {
        name: '雄安高铁站',
        regionCode: '130632',
        jointCommitteeId: ids.jc,
        firmIds: [ids.firmA, ids.firmB],
      };
      const { createConstructionProject: project } = await ok(admin, create, { input });
      expect(project).toMatchObject({
        status: 'PLANNED',
        statusLabel: '规划中',
        version: 1,
        jointCommittee: { id: ids.jc },
        firms: [{ id: ids.firmA, creditCode: codeA }, { id: ids.firmB }],
      });
      ids.project = project.id;
      expectError(await run(admin, create, { input }), 'CONFLICT');
      const notCommittee = await run(admin, create, {
        input: { ...input, jointCommitteeId: ids.villageA },
      });
      expectError(notCommittee, 'BAD_USER_INPUT', ['input.jointCommitteeId']);
    });

    it('builds 片区党总支 → 项目党支部 → 班组党小组 as organization nodes', async () => {
      const area = await ok(
        admin,
        `mutation($p: ID!) { createProjectAreaBranch(input: { projectId: $p, name: "高铁站第一片区党总支" }) { id kind sector parentId } }`,
        { p: ids.project },
      );
      expect(area.createProjectAreaBranch).toMatchObject({
        kind: 'GENERAL_BRANCH',
        sector: 'CONSTRUCTION_PROJECT',
        parentId: ids.jc,
      });
      ids.area = area.createProjectAreaBranch.id;
      // The joint committee's own admin runs its project's structure.
      const jcAdmin = tokenFor('ORG_ADMIN', ids.jc);
      const branch = await ok(
        jcAdmin,
        `mutation($a: ID!) { createProjectBranch(input: { areaBranchId: $a, name: "高铁站1标段临时党支部" }) { id kind parentId } }`,
        { a: ids.area },
      );
      expect(branch.createProjectBranch).toMatchObject({
        kind: 'TEMPORARY_BRANCH',
        parentId: ids.area,
      });
      ids.branch = branch.createProjectBranch.id;
      const group = await ok(
        jcAdmin,
        `mutation($b: ID!) { createProjectTeamGroup(input: { branchId: $b, name: "钢筋班组党小组" }) { id kind depth } }`,
        { b: ids.branch },
      );
      expect(group.createProjectTeamGroup.kind).toBe('GROUP');
      ids.group = group.createProjectTeamGroup.id;

      const misplaced = await run(
        admin,
        `mutation($a: ID!) { createProjectBranch(input: { areaBranchId: $a, name: "错位支部" }) { id } }`,
        { a: ids.jc },
      );
      expectError(misplaced, 'BAD_USER_INPUT', ['input.areaBranchId']);
      const outsideProject = await run(
        admin,
        `mutation($b: ID!) { createProjectTeamGroup(input: { branchId: $b, name: "错位小组" }) { id } }`,
        { b: ids.villageA },
      );
      expectError(outsideProject, 'BAD_USER_INPUT', ['input.branchId']);
    });

    it('links a project branch to the firm behind it, and relinks it', async () => {
      const assign = `mutation($b: ID!, $f: ID!) { assignBranchToFirm(input: { branchId: $b, firmId: $f }) {
        version branchLinks { branchId firmId branch { name } firm { creditCode } } } }`;
      const first = await ok(admin, assign, { b: ids.branch, f: ids.firmA });
      expect(first.assignBranchToFirm.branchLinks).toEqual([
        {
          branchId: ids.branch,
          firmId: ids.firmA,
          branch: { name: '高铁站1标段临时党支部' },
          firm: { creditCode: codeA },
        },
      ]);
      const again = await ok(admin, assign, { b: ids.branch, f: ids.firmA });
      expect(again.assignBranchToFirm.version).toBe(first.assignBranchToFirm.version); // no change, no event
      const relinked = await ok(tokenFor('ORG_ADMIN', ids.area), assign, {
        b: ids.branch,
        f: ids.firmB,
      });
      expect(relinked.assignBranchToFirm.branchLinks.map((l: any) => l.firmId)).toEqual([
        ids.firmB,
      ]);

      const notOnProject = await ok(admin, CREATE_FIRM, {
        input: { name: '场外企业有限公司', creditCode: completeCreditCode('91130600MA0BBBB2') },
      });
      ids.firmC = notOnProject.createConstructionFirm.id;
      expectError(await run(admin, assign, { b: ids.branch, f: ids.firmC }), 'BAD_USER_INPUT', [
        'input.firmId',
      ]);
      expectError(await run(admin, assign, { b: ids.area, f: ids.firmA }), 'BAD_USER_INPUT', [
        'input.branchId',
      ]);
    });

    it('moves the status forward only and keeps firms that stand behind branches', async () => {
      const update = `mutation($input: UpdateConstructionProjectInput!) { updateConstructionProject(input: $input) { status version } }`;
      expectError(
        await run(admin, update, { input: { id: ids.project, status: 'COMPLETED' } }),
        'BAD_USER_INPUT',
        ['input.status'],
      );
      expectError(
        await run(admin, update, { input: { id: ids.project, firmIds: [ids.firmA] } }),
        'BAD_USER_INPUT',
        ['input.firmIds'],
      );
      const built = await ok(admin, update, {
        input: { id: ids.project, status: 'UNDER_CONSTRUCTION' },
      });
      expect(built.updateConstructionProject.status).toBe('UNDER_CONSTRUCTION');
    });

    it('answers from organizations, firms and projects', async () => {
      const data = await ok(
        admin,
        `query($g: ID!, $b: ID!, $f: ID!, $p: ID!) {
          group: organization(id: $g) { constructionProject { id } }
          branch: organization(id: $b) { projectFirm { id } constructionProject { name } }
          firm: constructionFirm(id: $f) { projects { totalCount edges { node { id } } } }
          project: constructionProject(id: $p) { temporaryBranches { totalCount edges { node { id } } } }
          village: organization(id: "${ids.villageA}") { constructionProject { id } projectFirm { id } }
        }`,
        { g: ids.group, b: ids.branch, f: ids.firmB, p: ids.project },
      );
      expect(data.group.constructionProject.id).toBe(ids.project);
      expect(data.branch).toEqual({
        projectFirm: { id: ids.firmB },
        constructionProject: { name: '雄安高铁站' },
      });
      expect(data.firm.projects.edges.map((e: any) => e.node.id)).toEqual([ids.project]);
      expect(data.project.temporaryBranches.edges.map((e: any) => e.node.id)).toEqual([ids.branch]);
      expect(data.village).toEqual({ constructionProject: null, projectFirm: null });
    });

    it('keeps an ORG_ADMIN outside the project out of it', async () => {
      const yunheAdmin = tokenFor('ORG_ADMIN', ids.yunhe);
      const nodes = await count('organizations');
      const read = await run(yunheAdmin, `{ constructionProject(id: "${ids.project}") { name } }`);
      expect(read).toMatchObject({ data: { constructionProject: null }, errors: undefined }); // as for an unknown id
      const projects = await ok(
        yunheAdmin,
        `{ constructionProjects { totalCount } constructionFirm(id: "${ids.firmA}") { projects { totalCount } } }`,
      );
      expect(projects).toEqual({
        constructionProjects: { totalCount: 0 },
        constructionFirm: { projects: { totalCount: 0 } },
      });
      expectError(
        await run(
          yunheAdmin,
          `mutation { createProjectAreaBranch(input: { projectId: "${ids.project}", name: "越权片区" }) { id } }`,
        ),
        'FORBIDDEN',
      );
      expectError(
        await run(
          yunheAdmin,
          `mutation { assignBranchToFirm(input: { branchId: "${ids.branch}", firmId: "${ids.firmA}" }) { id } }`,
        ),
        'FORBIDDEN',
      );
      expect(await count('organizations')).toBe(nodes);
      const project = await db.collection('construction_projects').findOne({});
      expect(project?.branchLinks.map((l: any) => String(l.firmId))).toEqual([ids.firmB]);
    });

    it('publishes exactly one event per change, with the firm behind each branch', async () => {
      const ours = () =>
        projectEvents.messages
          .map((m) => JSON.parse(m.value!.toString()))
          .filter((e) => e.subject === ids.project);
      const expected = 1 /* created */ + 2 /* linked, relinked */ + 1; /* status */
      await projectEvents.waitFor(() => ours().length >= expected);
      await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would arrive here
      const events = ours();
      expect(events.map((e) => `${e.type.split('.').pop()}@${e.data.version}`)).toEqual([
        'created@1',
        'branch-linked@2',
        'branch-linked@3',
        'updated@4',
      ]);
      expect(events[1].data).toMatchObject({
        projectId: ids.project,
        jointCommitteeId: ids.jc,
        firms: [
          { firmId: ids.firmA, creditCode: codeA, branchIds: [ids.branch] },
          { firmId: ids.firmB, creditCode: codeB, branchIds: [] },
        ],
      });
      expect(events[2].data.firms.map((f: any) => f.branchIds)).toEqual([[], [ids.branch]]);
      expect(
        await db
          .collection('construction_projects')
          .countDocuments({ 'outbox.eventId': { $exists: true } }),
      ).toBe(0);
    });
  });

  describe('pairings', () => {
    const PAIRING = `id kind kindLabel status version
      parties { organizationId organizationName organization { id } lead partTimeCommitteeMembers }
      resources { name organizationId } needs { name organizationId }`;
    const CREATE = `mutation($input: CreatePairingInput!) { createPairing(input: $input) { ${PAIRING} } }`;
    const anxinAdmin = () => tokenFor('ORG_ADMIN', ids.anxin);

    it('creates village–enterprise, cross-province and community–unit pairings', async () => {
      const villageEnterprise = await ok(anxinAdmin(), CREATE, {
        input: {
          name: '安新第一村—冀建集团村企联建',
          kind: 'VILLAGE_ENTERPRISE',
          parties: [{ organizationId: ids.villageA }, { organizationId: ids.firmBranch }],
          resources: [{ name: '农机维修', organizationId: ids.firmBranch }],
          needs: [{ name: '农产品销路', description: '设施蔬菜', organizationId: ids.villageA }],
          startedAt: '2023-03-01T00:00:00Z',
        },
      });
      expect(villageEnterprise.createPairing).toMatchObject({
        kind: 'VILLAGE_ENTERPRISE',
        kindLabel: '村企联建',
        status: 'ACTIVE',
        parties: [
          { organizationId: ids.villageA, lead: true },
          { organizationId: ids.firmBranch, lead: false },
        ],
        resources: [{ name: '农机维修', organizationId: ids.firmBranch }],
      });
      ids.ve = villageEnterprise.createPairing.id;

      const crossProvince = await ok(anxinAdmin(), CREATE, {
        input: {
          name: '雄安—潍坊跨省联建',
          kind: 'CROSS_PROVINCE',
          parties: [{ organizationId: ids.villageB }, { organizationId: ids.weifangVillage }],
          startedAt: '2023-01-10T00:00:00Z',
        },
      });
      // The counterpart across the province line is named, its node stays out of reach.
      expect(crossProvince.createPairing.parties[1]).toEqual({
        organizationId: ids.weifangVillage,
        organizationName: '寿光第一村党支部',
        organization: null,
        lead: false,
        partTimeCommitteeMembers: 0,
      });
      ids.cp = crossProvince.createPairing.id;

      const bigCommittee = await ok(admin, CREATE, {
        input: {
          name: '朝阳社区大党委',
          kind: 'COMMUNITY_UNIT',
          parties: [
            { organizationId: ids.community },
            { organizationId: ids.unit1, partTimeCommitteeMembers: 1 },
            { organizationId: ids.unit2, partTimeCommitteeMembers: 2 },
          ],
        },
      });
      expect(
        bigCommittee.createPairing.parties.map((p: any) => p.partTimeCommitteeMembers),
      ).toEqual([0, 1, 2]);
      ids.cu = bigCommittee.createPairing.id;
    });

    it('validates parties, kinds and lists, and writes nothing', async () => {
      const before = await count('pairings');
      const base = { name: '无效联建', kind: 'VILLAGE_ENTERPRISE' };
      expectError(
        await run(admin, CREATE, {
          input: { ...base, parties: [{ organizationId: ids.villageA }] },
        }),
        'BAD_USER_INPUT',
        ['input.parties'],
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...base,
            parties: [{ organizationId: ids.villageA }, { organizationId: ids.villageA }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.parties.1.organizationId'],
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...base,
            parties: [{ organizationId: ids.villageA }, { organizationId: ids.villageB }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.parties'],
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...base,
            parties: [
              { organizationId: ids.villageA },
              { organizationId: ids.firmBranch, partTimeCommitteeMembers: 1 },
            ],
            resources: [{ name: '外来资源', organizationId: ids.unit1 }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.parties.1.partTimeCommitteeMembers'],
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...base,
            parties: [{ organizationId: ids.villageA }, { organizationId: ids.firmBranch }],
            resources: [{ name: '外来资源', organizationId: ids.unit1 }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.resources.0.organizationId'],
      );
      const dissolved = await org('安新第三村党支部', 'BRANCH', 'VILLAGE', '130632', ids.anxin);
      await ok(
        admin,
        `mutation { dissolveOrganization(input: { id: "${dissolved}", reason: "撤并" }) { id } }`,
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...base,
            parties: [{ organizationId: dissolved }, { organizationId: ids.firmBranch }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.parties.0.organizationId'],
      );
      const outsider = await run(tokenFor('ORG_ADMIN', ids.yunhe), CREATE, {
        input: {
          ...base,
          parties: [{ organizationId: ids.villageA }, { organizationId: ids.firmBranch }],
        },
      });
      expectError(outsider, 'FORBIDDEN');
      expect(outsider.data).toBeNull();
      expect(await count('pairings')).toBe(before);
    });

    it('lists a pairing on both sides and within subtrees', async () => {
      const data = await ok(
        admin,
        `query {
          village: organization(id: "${ids.villageA}") { pairings { edges { node { id } } } }
          firm: organization(id: "${ids.firmBranch}") { pairings { edges { node { id } } } }
          xiongan: pairingsInSubtree(organizationId: "${ids.xiongan}") { totalCount edges { node { id } } }
          crossProvince: pairingsInSubtree(organizationId: "${ids.xiongan}", kind: CROSS_PROVINCE) { edges { node { id } } }
          yunhe: pairingsInSubtree(organizationId: "${ids.yunhe}") { edges { node { id kind } } }
          shandong: pairingsInSubtree(organizationId: "${ids.shandong}") { edges { node { id } } }
        }`,
      );
      expect(data.village.pairings.edges.map((e: any) => e.node.id)).toEqual([ids.ve]);
      expect(data.firm.pairings.edges.map((e: any) => e.node.id)).toEqual([ids.ve]);
      expect(data.xiongan.edges.map((e: any) => e.node.id)).toEqual([ids.ve, ids.cp]);
      expect(data.crossProvince.edges.map((e: any) => e.node.id)).toEqual([ids.cp]);
      expect(data.yunhe.edges).toEqual([{ node: { id: ids.cu, kind: 'COMMUNITY_UNIT' } }]);
      expect(data.shandong.edges.map((e: any) => e.node.id)).toEqual([ids.cp]);
    });

    it('keeps an ORG_ADMIN to the pairings of its scope', async () => {
      const yunheAdmin = tokenFor('ORG_ADMIN', ids.yunhe);
      const read = await run(yunheAdmin, `{ pairing(id: "${ids.ve}") { name } }`);
      expect(read).toMatchObject({ data: { pairing: null }, errors: undefined }); // as for an unknown id
      expectError(
        await run(
          yunheAdmin,
          `{ pairingsInSubtree(organizationId: "${ids.xiongan}") { totalCount } }`,
        ),
        'FORBIDDEN',
      );
      const before = await db
        .collection('pairings')
        .findOne({ _id: new mongoose.Types.ObjectId(ids.ve) });
      expectError(
        await run(
          yunheAdmin,
          `mutation { endPairing(input: { id: "${ids.ve}", reason: "越权终止" }) { id } }`,
        ),
        'FORBIDDEN',
      );
      expect(
        await db.collection('pairings').findOne({ _id: new mongoose.Types.ObjectId(ids.ve) }),
      ).toEqual(before);
      const own = await ok(yunheAdmin, `{ pairing(id: "${ids.cu}") { name } }`);
      expect(own.pairing.name).toBe('朝阳社区大党委');
    });

    it('carries joint projects through dated, validated status changes', async () => {
      const add = await ok(
        anxinAdmin(),
        `mutation { addJointProject(input: { pairingId: "${ids.cp}", name: "品质蔬菜雄安试验站", note: "累计投资2180万元，建设1300亩", at: "2023-02-01T00:00:00Z" }) {
          jointProjects { id status statusLabel note } } }`,
      );
      const project = add.addJointProject.jointProjects[0];
      expect(project).toMatchObject({
        status: 'PLANNED',
        statusLabel: '计划中',
        note: '累计投资2180万元，建设1300亩',
      });
      const change = `mutation($input: ChangeJointProjectStatusInput!) { changeJointProjectStatus(input: $input) {
        jointProjects { status statusChanges { status at note } } } }`;
      const input = { pairingId: ids.cp, jointProjectId: project.id };
      expectError(
        await run(admin, change, { input: { ...input, status: 'COMPLETED' } }),
        'BAD_USER_INPUT',
        ['input.status'],
      );
      expectError(
        await run(admin, change, {
          input: { ...input, status: 'IN_PROGRESS', at: '2999-01-01T00:00:00Z' },
        }),
        'BAD_USER_INPUT',
        ['input.at'],
      );
      const started = new Date(Date.now() - 60_000).toISOString();
      await ok(admin, change, {
        input: { ...input, status: 'IN_PROGRESS', at: started, note: '开工' },
      });
      expectError(
        await run(admin, change, {
          input: { ...input, status: 'COMPLETED', at: '2020-01-01T00:00:00Z' },
        }),
        'BAD_USER_INPUT',
        ['input.at'],
      );
      const done = await ok(admin, change, { input: { ...input, status: 'COMPLETED' } });
      const history = done.changeJointProjectStatus.jointProjects[0].statusChanges;
      expect(history.map((h: any) => h.status)).toEqual(['PLANNED', 'IN_PROGRESS', 'COMPLETED']);
      expect(history[1]).toEqual({ status: 'IN_PROGRESS', at: started, note: '开工' });
    });

    it('updates the lists, then ends the pairing, which no longer changes', async () => {
      const updated = await ok(
        anxinAdmin(),
        `mutation { updatePairing(input: { id: "${ids.ve}", needs: [{ name: "电商培训", organizationId: "${ids.villageA}" }] }) { needs { name } resources { name } } }`,
      );
      expect(updated.updatePairing).toEqual({
        needs: [{ name: '电商培训' }],
        resources: [{ name: '农机维修' }],
      });
      const ended = await ok(
        anxinAdmin(),
        `mutation { endPairing(input: { id: "${ids.ve}", reason: "企业迁出" }) { status statusLabel endReason endedAt } }`,
      );
      expect(ended.endPairing).toMatchObject({
        status: 'ENDED',
        statusLabel: '已终止',
        endReason: '企业迁出',
      });
      expectError(
        await run(
          admin,
          `mutation { updatePairing(input: { id: "${ids.ve}", name: "再次修改" }) { id } }`,
        ),
        'CONFLICT',
      );
      expectError(
        await run(
          admin,
          `mutation { endPairing(input: { id: "${ids.ve}", reason: "再次终止" }) { id } }`,
        ),
        'CONFLICT',
      );
      const active = await ok(
        admin,
        `{ organization(id: "${ids.villageA}") { active: pairings(status: ACTIVE) { totalCount } ended: pairings(status: ENDED) { totalCount } } }`,
      );
      expect(active.organization).toEqual({ active: { totalCount: 0 }, ended: { totalCount: 1 } });
    });

    it('publishes exactly one event per change', async () => {
      const ours = new Set([ids.ve, ids.cp, ids.cu]);
      const seen = () =>
        pairingEvents.messages
          .map((m) => JSON.parse(m.value!.toString()))
          .filter((e) => ours.has(e.subject));
      // ve: created, updated, ended; cp: created, project added, 2 status changes; cu: created.
      const expected = 3 + 4 + 1;
      await pairingEvents.waitFor(() => seen().length >= expected);
      await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would arrive here
      const events = seen();
      expect(events).toHaveLength(expected);
      expect(new Set(events.map((e) => `${e.subject}@${e.data.version}`)).size).toBe(expected);
      expect(
        events.filter((e) => e.subject === ids.ve).map((e) => e.type.split('.').pop()),
      ).toEqual(['created', 'updated', 'ended']);
      const last = events.filter((e) => e.subject === ids.cp).at(-1);
      expect(last.data).toMatchObject({
        kind: 'CROSS_PROVINCE',
        partyIds: [ids.villageB, ids.weifangVillage],
        jointProjects: [{ status: 'COMPLETED' }],
        endedAt: null,
      });
    });
  });

  describe('service centres', () => {
    const CENTER = `id name kindLabel levelLabel floorAreaSqm requiredFloorAreaSqm meetsAreaStandard
      sixHaves { met metCount } tenUnified { met metCount items { item label met } }
      openingHours { weekday weekdayLabel opens closes } windows { name services } organization { id }`;
    const CREATE = `mutation($input: CreateServiceCenterInput!) { createServiceCenter(input: $input) { ${CENTER} } }`;
    const week = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].flatMap((weekday) => [
      { weekday, opens: '08:30', closes: '12:00' },
      { weekday, opens: '14:30', closes: '17:30' },
    ]);

    it('judges the floor area by level and lists the standards met', async () => {
      const street = await ok(admin, CREATE, {
        input: {
          organizationId: ids.street,
          name: '水月寺街道党群服务中心',
          kind: 'SERVICE_CENTER',
          level: 'STREET',
          floorAreaSqm: 1200,
          facilities: ['党员活动室', '综合服务站', '日间照料站'],
          standardItemsMet: ['TEN_UNIFIED_NAME', 'SIX_HAVES_VENUE', 'SIX_HAVES_FLAG'],
          openingHours: [...week, { weekday: 'SATURDAY', opens: '09:00', closes: '12:00' }],
          windows: [{ name: '党员服务窗口', services: ['组织关系转接', '党费收缴'] }],
        },
      });
      expect(street.createServiceCenter).toMatchObject({
        kindLabel: '党群服务中心',
        levelLabel: '街道（乡镇）级',
        requiredFloorAreaSqm: 1000,
        meetsAreaStandard: true,
        sixHaves: { met: false, metCount: 2 },
        tenUnified: { met: false, metCount: 1 },
        windows: [{ name: '党员服务窗口', services: ['组织关系转接', '党费收缴'] }],
        organization: { id: ids.street },
      });
      expect(street.createServiceCenter.tenUnified.items[0]).toEqual({
        item: 'TEN_UNIFIED_NAME',
        label: '场所名称统一',
        met: true,
      });
      expect(street.createServiceCenter.openingHours.at(-1)).toEqual({
        weekday: 'SATURDAY',
        weekdayLabel: '周六',
        opens: '09:00',
        closes: '12:00',
      });

      // The community's own admin runs its centre.
      const communityAdmin = tokenFor('ORG_ADMIN', ids.community);
      const small = await ok(communityAdmin, CREATE, {
        input: {
          organizationId: ids.community,
          name: '朝阳社区党群服务中心',
          kind: 'SERVICE_CENTER',
          level: 'COMMUNITY',
          floorAreaSqm: 450,
        },
      });
      expect(small.createServiceCenter).toMatchObject({
        requiredFloorAreaSqm: 500,
        meetsAreaStandard: false,
      });
      ids.smallCenter = small.createServiceCenter.id;
      const room = await ok(communityAdmin, CREATE, {
        input: {
          organizationId: ids.community,
          name: '朝阳社区党群活动室',
          kind: 'ACTIVITY_ROOM',
          level: 'COMMUNITY',
          floorAreaSqm: 80,
        },
      });
      expect(room.createServiceCenter).toMatchObject({
        requiredFloorAreaSqm: null,
        meetsAreaStandard: null,
      });

      const enlarged = await ok(
        communityAdmin,
        `mutation { updateServiceCenter(input: { id: "${ids.smallCenter}", floorAreaSqm: 520 }) { meetsAreaStandard } }`,
      );
      expect(enlarged.updateServiceCenter.meetsAreaStandard).toBe(true);
      const listed = await ok(
        admin,
        `{ organization(id: "${ids.community}") { serviceCenters { totalCount edges { node { name } } } } }`,
      );
      expect(listed.organization.serviceCenters.totalCount).toBe(2);
    });

    it('validates opening hours by field, and writes nothing', async () => {
      const before = await count('service_centers');
      const input = {
        organizationId: ids.street,
        name: '无效时间服务中心',
        kind: 'SERVICE_CENTER',
        level: 'STREET',
        floorAreaSqm: 1000,
      };
      expectError(
        await run(admin, CREATE, {
          input: {
            ...input,
            openingHours: [{ weekday: 'MONDAY', opens: '17:30', closes: '08:30' }],
          },
        }),
        'BAD_USER_INPUT',
        ['input.openingHours.0.closes'],
      );
      expectError(
        await run(admin, CREATE, {
          input: {
            ...input,
            openingHours: [
              { weekday: 'MONDAY', opens: '8:30', closes: '12:00' },
              { weekday: 'TUESDAY', opens: '08:30', closes: '12:00' },
              { weekday: 'TUESDAY', opens: '11:00', closes: '17:30' },
            ],
          },
        }),
        'BAD_USER_INPUT',
        ['input.openingHours.0.opens', 'input.openingHours.2.opens'],
      );
      expectError(
        await run(admin, CREATE, { input: { ...input, floorAreaSqm: -5 } }),
        'BAD_USER_INPUT',
        ['input.floorAreaSqm'],
      );
      expect(await count('service_centers')).toBe(before);
    });

    it('keeps an ORG_ADMIN to the centres of its scope', async () => {
      const before = await count('service_centers');
      const anxinAdmin = tokenFor('ORG_ADMIN', ids.anxin);
      const res = await run(anxinAdmin, CREATE, {
        input: {
          organizationId: ids.community,
          name: '越权服务中心',
          kind: 'SERVICE_CENTER',
          level: 'COMMUNITY',
          floorAreaSqm: 600,
        },
      });
      expectError(res, 'FORBIDDEN');
      expect(res.data).toBeNull();
      const read = await run(anxinAdmin, `{ serviceCenter(id: "${ids.smallCenter}") { name } }`);
      expect(read).toMatchObject({ data: { serviceCenter: null }, errors: undefined }); // as for an unknown id
      expectError(
        await run(
          anxinAdmin,
          `mutation { updateServiceCenter(input: { id: "${ids.smallCenter}", floorAreaSqm: 9 }) { id } }`,
        ),
        'FORBIDDEN',
      );
      expect(await count('service_centers')).toBe(before);
    });
  });
});
