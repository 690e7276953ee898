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
import { DEFAULT_RATING_TEMPLATE } from '../src/star-rating/default-template';

const RATING_FIELDS = `id organizationId streetId period status statusLabel templateVersion stars starsLabel version
  template { version }
  selfAssessment { totalScore claimedStars claimedStarsLabel scores { criterionCode criterionTitle score maxScore evidence } aspectScores { aspectCode title score maxScore } }
  defense { score proposedStars fiveStarCandidate }
  inspection { passed adjustedScore findings { check checkLabel passed } adjustments { criterionCode previousScore score } }
  review { stars starsLabel }
  history { status actorRole actorOrganizationId }`;

const SELF_ASSESS = `mutation($input: SelfAssessStarRatingInput!) { selfAssessStarRating(input: $input) { ${RATING_FIELDS} } }`;
const DEFEND = `mutation($input: DefendStarRatingInput!) { defendStarRating(input: $input) { ${RATING_FIELDS} } }`;
const INSPECT = `mutation($input: InspectStarRatingInput!) { inspectStarRating(input: $input) { ${RATING_FIELDS} } }`;
const REVIEW = `mutation($input: ReviewStarRatingInput!) { reviewStarRating(input: $input) { ${RATING_FIELDS} } }`;
const PUBLISH = `mutation($input: PublishStarRatingInput!) { publishStarRating(input: $input) { ${RATING_FIELDS} } }`;
const CREATE_TEMPLATE = `mutation($input: CreateRatingTemplateInput!) { createRatingTemplate(input: $input) { version effectiveFrom maxScore criteriaCount } }`;

const CRITERIA = DEFAULT_RATING_TEMPLATE.aspects.flatMap((a) => a.criteria);

/** Full marks, lowered from the last criterion backwards until the scores add up to `total`. */
function scoresTotalling(total: number) {
  let excess = 100 - total;
  return CRITERIA.map((c) => ({
    criterionCode: c.code,
    score: c.maxScore,
    evidence: `${c.title}台账`,
  }))
    .reverse()
    .map((s) => {
      const cut = Math.min(s.score, excess);
      excess -= cut;
      return { ...s, score: s.score - cut };
    })
    .reverse();
}

const ALL_PASSED = ['SERVICE_CENTER', 'RECORDS', 'HIGHLIGHTS'].map((check) => ({
  check,
  passed: true,
  note: '达标',
}));

describe('star ratings and analyst queries through the gateway', () => {
  const dbName = `jiceng_ratings_e2e_${randomBytes(4).toString('hex')}`;
  let subgraph: AppProcess;
  let gateway: AppProcess;
  let probe: TopicProbe;
  let db: Connection;
  const admin = tokenFor('ADMIN');

  const call = (token: string, query: string, variables?: object) =>
    gql(gateway.baseUrl, token, query, variables);
  const ok = async (token: string, query: string, variables?: object) => {
    const res = await call(token, query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const codeOf = (res: GraphQLResult) => res.errors?.[0].extensions?.code;
  const ratingCount = () => db.collection('star_ratings').countDocuments();

  const org: Record<string, string> = {};
  const createOrg = async (key: string, input: Record<string, unknown>, parent?: string) => {
    const data = await ok(
      admin,
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { ...input, ...(parent ? { parentId: org[parent] } : {}) } },
    );
    org[key] = data.createOrganization.id;
  };
  const community = (name: string, kind = 'PARTY_COMMITTEE') => ({
    name,
    kind,
    sector: 'COMMUNITY',
    regionCode: '130903',
  });

  const selfAssess = (key: string, period: string, total: number, claimedStars: number) =>
    ok(tokenFor('ORG_ADMIN', org[key]), SELF_ASSESS, {
      input: { organizationId: org[key], period, scores: scoresTotalling(total), claimedStars },
    }).then((d) => d.selfAssessStarRating);

  /** The whole workflow with the right roles, ending PUBLISHED with `stars`. */
  async function rate(key: string, street: string, period: string, stars: number) {
    const rating = await selfAssess(key, period, stars === 5 ? 95 : stars === 4 ? 82 : 70, stars);
    const streetAdmin = tokenFor('ORG_ADMIN', org[street]);
    await ok(streetAdmin, DEFEND, { input: { id: rating.id, score: 80, proposedStars: stars } });
    if (stars === 5)
      await ok(streetAdmin, INSPECT, { input: { id: rating.id, findings: ALL_PASSED } });
    const districtAdmin = tokenFor('ORG_ADMIN', org.district);
    await ok(districtAdmin, REVIEW, { input: { id: rating.id, stars } });
    return (await ok(districtAdmin, PUBLISH, { input: { id: rating.id } })).publishStarRating;
  }

  const ratingIds: Record<string, string> = {};
  /** Event types expected per rating id, without the common prefix. */
  const steps: Record<string, string[]> = {};

  beforeAll(async () => {
    probe = await probeTopic(createKafka('jiceng-test-probe'), Topics.organizationsRatings);
    subgraph = await startApp('services/organizations', { MONGO_DB: dbName });
    gateway = await startApp('gateway', { SUBGRAPH_URL_ORGANIZATIONS: subgraph.url });
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();

    await createOrg('province', {
      name: '河北省委',
      kind: 'PARTY_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '130000',
    });
    await createOrg(
      'district',
      { name: '运河区委', kind: 'PARTY_COMMITTEE', sector: 'STATE_ORGAN', regionCode: '130903' },
      'province',
    );
    for (const street of ['streetA', 'streetB']) {
      await createOrg(
        street,
        {
          name: `${street}街道党工委`,
          kind: 'WORKING_COMMITTEE',
          sector: 'COMMUNITY',
          regionCode: '130903',
        },
        'district',
      );
    }
    for (const key of ['A1', 'A2', 'A3', 'A4'])
      await createOrg(key, community(`${key}社区党委`), 'streetA');
    await createOrg('A5', community('A5社区党总支', 'GENERAL_BRANCH'), 'streetA');
    await createOrg('A6', community('A6社区党委'), 'streetA');
    await ok(
      admin,
      `mutation { dissolveOrganization(input: { id: "${org.A6}", reason: "社区撤并" }) { id } }`,
    );
    await createOrg('B1', community('B1社区党支部', 'BRANCH'), 'streetB');
    await createOrg(
      'grid',
      { name: '第一网格党支部', kind: 'BRANCH', sector: 'GRID', regionCode: '130903' },
      'A1',
    );
    await createOrg(
      'building',
      { name: '1号楼党小组', kind: 'GROUP', sector: 'BUILDING', regionCode: '130903' },
      'grid',
    );
    await createOrg(
      'firm',
      {
        name: '某某非公企业党支部',
        kind: 'BRANCH',
        sector: 'NON_PUBLIC_ENTERPRISE',
        regionCode: '130921',
      },
      'district',
    );
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), subgraph?.stop(), probe?.stop()]);
    await db?.dropDatabase();
    await db?.close();
  });

  it('lets only ADMIN create the scoring template, as version 1 with 22 criteria', async () => {
    const denied = await call(tokenFor('ORG_ADMIN', org.district), CREATE_TEMPLATE, {
      input: DEFAULT_RATING_TEMPLATE,
    });
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const created = await ok(admin, CREATE_TEMPLATE, { input: DEFAULT_RATING_TEMPLATE });
    expect(created.createRatingTemplate).toEqual({
      version: 1,
      effectiveFrom: '2021-Q1',
      maxScore: 100,
      criteriaCount: 22,
    });
    const read = await ok(
      tokenFor('ANALYST', org.district),
      '{ ratingTemplate { version aspects { title maxScore criteria { code deductions { description points } } } } }',
    );
    expect(read.ratingTemplate.aspects.map((a: any) => [a.title, a.maxScore])).toEqual([
      ['班子建设', 20],
      ['制度机制运行', 25],
      ['活动场所建设', 15],
      ['党员队伍建设', 20],
      ['服务平台建设', 20],
    ]);
  });

  it('runs the whole workflow for a community with the right role at each step', async () => {
    const rating = await selfAssess('A1', '2023-Q2', 95, 5);
    ratingIds.A1 = rating.id;
    expect(rating).toMatchObject({
      organizationId: org.A1,
      streetId: org.streetA,
      status: 'SELF_ASSESSED',
      templateVersion: 1,
      version: 1,
      stars: null,
      selfAssessment: { totalScore: 95, claimedStars: 5, claimedStarsLabel: '五星级' },
    });
    expect(rating.selfAssessment.scores).toHaveLength(22);
    expect(rating.selfAssessment.scores[0]).toMatchObject({
      criterionCode: 'A1',
      criterionTitle: '班子配备',
      evidence: '班子配备台账',
    });
    expect(rating.selfAssessment.aspectScores[4]).toEqual({
      aspectCode: 'E',
      title: '服务平台建设',
      score: 15,
      maxScore: 20,
    });

    const streetAdmin = tokenFor('ORG_ADMIN', org.streetA);
    const districtAdmin = tokenFor('ORG_ADMIN', org.district);
    const own = tokenFor('ORG_ADMIN', org.A1);
    // The community cannot defend itself, nor the district take the street's step.
    expect(
      codeOf(await call(own, DEFEND, { input: { id: rating.id, score: 90, proposedStars: 5 } })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await call(districtAdmin, DEFEND, {
          input: { id: rating.id, score: 90, proposedStars: 5 },
        }),
      ),
    ).toBe('FORBIDDEN');

    const defended = await ok(streetAdmin, DEFEND, {
      input: { id: rating.id, score: 92.5, proposedStars: 5, remarks: '“168”协商议事法' },
    });
    expect(defended.defendStarRating).toMatchObject({
      status: 'DEFENDED',
      version: 2,
      defense: { score: 92.5, proposedStars: 5, fiveStarCandidate: true },
    });

    // A five-star candidate is inspected before the district reviews it.
    const early = await call(districtAdmin, REVIEW, { input: { id: rating.id, stars: 5 } });
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors?.[0].message).toMatch(/must pass 实地看/);

    const inspected = await ok(streetAdmin, INSPECT, {
      input: {
        id: rating.id,
        findings: ALL_PASSED,
        adjustments: [{ criterionCode: 'C1', score: 4, reason: '党群服务中心面积460平方米' }],
      },
    });
    expect(inspected.inspectStarRating).toMatchObject({
      status: 'INSPECTED',
      inspection: {
        passed: true,
        adjustedScore: 94,
        adjustments: [{ criterionCode: 'C1', previousScore: 5, score: 4 }],
      },
    });
    expect(inspected.inspectStarRating.inspection.findings[0].checkLabel).toMatch(
      /^一查党群服务中心/,
    );

    expect(codeOf(await call(streetAdmin, REVIEW, { input: { id: rating.id, stars: 5 } }))).toBe(
      'FORBIDDEN',
    );
    const reviewed = await ok(districtAdmin, REVIEW, { input: { id: rating.id, stars: 5 } });
    expect(reviewed.reviewStarRating).toMatchObject({
      status: 'REVIEWED',
      stars: 5,
      starsLabel: '五星级',
    });
    const published = await ok(districtAdmin, PUBLISH, { input: { id: rating.id } });
    expect(published.publishStarRating).toMatchObject({
      status: 'PUBLISHED',
      version: 5,
      stars: 5,
    });
    expect(published.publishStarRating.history).toEqual([
      { status: 'SELF_ASSESSED', actorRole: 'ORG_ADMIN', actorOrganizationId: org.A1 },
      { status: 'DEFENDED', actorRole: 'ORG_ADMIN', actorOrganizationId: org.streetA },
      { status: 'INSPECTED', actorRole: 'ORG_ADMIN', actorOrganizationId: org.streetA },
      { status: 'REVIEWED', actorRole: 'ORG_ADMIN', actorOrganizationId: org.district },
      { status: 'PUBLISHED', actorRole: 'ORG_ADMIN', actorOrganizationId: org.district },
    ]);

    const again = await call(own, SELF_ASSESS, {
      input: {
        organizationId: org.A1,
        period: '2023-Q2',
        scores: scoresTotalling(95),
        claimedStars: 5,
      },
    });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(codeOf(await call(districtAdmin, PUBLISH, { input: { id: rating.id } }))).toBe(
      'CONFLICT',
    );
  });

  it('rejects an illegal transition and a score out of range, writing nothing', async () => {
    const pending = await selfAssess('A4', '2023-Q2', 80, 4);
    ratingIds.A4 = pending.id;
    const publish = await call(tokenFor('ORG_ADMIN', org.district), PUBLISH, {
      input: { id: pending.id },
    });
    expect(codeOf(publish)).toBe('CONFLICT');
    expect(publish.errors?.[0].message).toMatch(/is SELF_ASSESSED .* needs REVIEWED/);

    const before = await ratingCount();
    const scores = scoresTotalling(95);
    scores[3] = { ...scores[3], score: 6 };
    const res = await call(tokenFor('ORG_ADMIN', org.A5), SELF_ASSESS, {
      input: { organizationId: org.A5, period: '2023-Q2', scores, claimedStars: 5 },
    });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'input.scores[3].score',
          message: 'A4 “大党委”兼职委员 must be scored between 0 and 5',
        },
      ],
    });
    const overclaimed = await call(tokenFor('ORG_ADMIN', org.A5), SELF_ASSESS, {
      input: {
        organizationId: org.A5,
        period: '2023-Q2',
        scores: scoresTotalling(85),
        claimedStars: 5,
      },
    });
    expect(overclaimed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.claimedStars' }],
    });
    const future = await call(tokenFor('ORG_ADMIN', org.A5), SELF_ASSESS, {
      input: {
        organizationId: org.A5,
        period: '2099-Q1',
        scores: scoresTotalling(85),
        claimedStars: 4,
      },
    });
    expect(future.errors?.[0].extensions?.fields).toEqual([
      { field: 'input.period', message: '2099-Q1 has not begun (Asia/Shanghai)' },
    ]);
    const street = await call(tokenFor('ORG_ADMIN', org.district), SELF_ASSESS, {
      input: {
        organizationId: org.streetA,
        period: '2023-Q2',
        scores: scoresTotalling(85),
        claimedStars: 4,
      },
    });
    expect(codeOf(street)).toBe('FORBIDDEN'); // only the community itself self-assesses
    expect(await ratingCount()).toBe(before);
  });

  it('caps the five-star candidates of a street at ceil(20%) of its communities', async () => {
    // streetA has 5 active communities (A6 is dissolved): one five-star candidate, A1.
    const rating = await selfAssess('A2', '2023-Q2', 93, 5);
    ratingIds.A2 = rating.id;
    const streetAdmin = tokenFor('ORG_ADMIN', org.streetA);
    const capped = await call(streetAdmin, DEFEND, {
      input: { id: rating.id, score: 88, proposedStars: 5 },
    });
    expect(codeOf(capped)).toBe('CONFLICT');
    expect(capped.errors?.[0].message).toBe(
      'The street has already named 1 five-star communities for 2023-Q2, the most its 5 communities allow (20%, rounded up: 1)',
    );
    const stored = await db
      .collection('star_ratings')
      .findOne({ _id: new mongoose.Types.ObjectId(rating.id) });
    expect(stored).toMatchObject({ status: 'SELF_ASSESSED', version: 1 });

    await ok(streetAdmin, DEFEND, { input: { id: rating.id, score: 88, proposedStars: 4 } });
    const districtAdmin = tokenFor('ORG_ADMIN', org.district);
    const five = await call(districtAdmin, REVIEW, { input: { id: rating.id, stars: 5 } });
    expect(five.errors?.[0].extensions?.fields).toEqual([
      {
        field: 'input.stars',
        message: 'five stars need the street to name the community a five-star candidate (公开讲)',
      },
    ]);
    await ok(districtAdmin, REVIEW, { input: { id: rating.id, stars: 4 } });
    await ok(districtAdmin, PUBLISH, { input: { id: rating.id } });
  });

  it('keeps past ratings on their template version when a new version appears', async () => {
    const v2 = {
      ...DEFAULT_RATING_TEMPLATE,
      name: '运河区社区党建“星级管理”评定标准（2023年修订）',
      effectiveFrom: '2023-Q3',
      fiveStarMinScore: 92,
    };
    const tooEarly = await call(admin, CREATE_TEMPLATE, {
      input: { ...v2, effectiveFrom: '2023-Q2' },
    });
    expect(tooEarly.errors?.[0].extensions?.fields?.[0].field).toBe('input.effectiveFrom');
    expect((await ok(admin, CREATE_TEMPLATE, { input: v2 })).createRatingTemplate.version).toBe(2);

    // A3: three-star in three quarters of 2023; Q1 and Q2 use v1, Q3 uses v2.
    ratingIds.A3q1 = (await rate('A3', 'streetA', '2023-Q1', 3)).id;
    const q2 = await rate('A3', 'streetA', '2023-Q2', 3);
    ratingIds.A3 = q2.id;
    const q3 = await rate('A3', 'streetA', '2023-Q3', 3);
    ratingIds.A3q3 = q3.id;
    expect([q2.templateVersion, q2.template.version, q3.templateVersion]).toEqual([1, 1, 2]);
    const a1 = await ok(
      admin,
      `{ starRating(id: "${ratingIds.A1}") { templateVersion template { version } } }`,
    );
    expect(a1.starRating).toEqual({ templateVersion: 1, template: { version: 1 } });
  });

  it('states the consequences of a year of published ratings', async () => {
    const query = `query($id: ID!) { organization(id: $id) {
      starRatings(year: 2023) { period status stars }
      ratingConsequences(year: 2023) { publishedCount fiveStarCount threeStarCount threeStarPeriods
        eligibleForCommendation excellentBarred excellentBarredReason performanceDeduction performanceDeductionReason }
    } }`;
    const districtAnalyst = tokenFor('ANALYST', org.district);
    const a3 = (await ok(districtAnalyst, query, { id: org.A3 })).organization;
    expect(a3.starRatings.map((r: any) => r.period)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3']);
    expect(a3.ratingConsequences).toMatchObject({
      publishedCount: 3,
      threeStarCount: 3,
      threeStarPeriods: ['2023-Q1', '2023-Q2', '2023-Q3'],
      eligibleForCommendation: false,
      excellentBarred: true,
      performanceDeduction: true,
    });
    expect(a3.ratingConsequences.excellentBarredReason).toContain('不得评为“优秀”等次');
    const a1 = (await ok(districtAnalyst, query, { id: org.A1 })).organization;
    expect(a1.ratingConsequences).toMatchObject({
      publishedCount: 1,
      fiveStarCount: 1,
      eligibleForCommendation: true,
      excellentBarred: false,
      performanceDeduction: false,
    });
    const a4 = (await ok(districtAnalyst, query, { id: org.A4 })).organization;
    expect(a4.starRatings).toEqual([{ period: '2023-Q2', status: 'SELF_ASSESSED', stars: null }]);
    expect(a4.ratingConsequences.publishedCount).toBe(0);
  });

  it('keeps an ORG_ADMIN of another street out, with no data', async () => {
    const outsider = tokenFor('ORG_ADMIN', org.streetB);
    const read = await call(outsider, `{ starRating(id: "${ratingIds.A1}") { id stars } }`);
    expect(read).toMatchObject({ data: { starRating: null }, errors: undefined }); // as for an unknown id
    const before = await db
      .collection('star_ratings')
      .findOne({ _id: new mongoose.Types.ObjectId(ratingIds.A4) });
    const defend = await call(outsider, DEFEND, {
      input: { id: ratingIds.A4, score: 90, proposedStars: 4 },
    });
    expect(codeOf(defend)).toBe('FORBIDDEN');
    expect(defend.data).toBeNull();
    expect(
      await db
        .collection('star_ratings')
        .findOne({ _id: new mongoose.Types.ObjectId(ratingIds.A4) }),
    ).toEqual(before);
    const list = await call(
      outsider,
      `{ starRatings(filter: { rootId: "${org.streetA}" }) { totalCount } }`,
    );
    expect(codeOf(list)).toBe('FORBIDDEN');
    const stats = await call(
      outsider,
      `{ organizationStats(rootId: "${org.district}") { totalCount } }`,
    );
    expect(codeOf(stats)).toBe('FORBIDDEN');
    expect(stats.data?.organizationStats ?? null).toBeNull();

    const own = await ok(
      tokenFor('ORG_ADMIN', org.streetA),
      `{ starRatings(filter: { rootId: "${org.streetA}", period: "2023-Q2" }, first: 10) { totalCount edges { node { organizationId status } } } }`,
    );
    expect(own.starRatings.totalCount).toBe(4); // A1, A2, A3 published; A4 self-assessed
  });

  it('counts a subtree by kind, sector and region, with the star distribution, in one request', async () => {
    const res = await ok(
      tokenFor('ANALYST', org.district),
      `query($root: ID!) { organizationStats(rootId: $root) {
        root { name } totalCount dissolvedCount communityCount
        byKind { kind kindLabel count } bySector { sector sectorLabel count } byRegion { regionCode regionLabel count }
        starDistribution(periods: ["2023-Q2", "2023-Q3", "2023-Q4"]) { period communityCount fiveStar fourStar threeStar unrated inProgress }
      } }`,
      { root: org.district },
    );
    expect(res.organizationStats).toEqual({
      root: { name: '运河区委' },
      totalCount: 12,
      dissolvedCount: 1,
      communityCount: 6,
      byKind: [
        { kind: 'PARTY_COMMITTEE', kindLabel: '党委', count: 5 },
        { kind: 'BRANCH', kindLabel: '党支部', count: 3 },
        { kind: 'WORKING_COMMITTEE', kindLabel: '党工委', count: 2 },
        { kind: 'GENERAL_BRANCH', kindLabel: '党总支', count: 1 },
        { kind: 'GROUP', kindLabel: '党小组', count: 1 },
      ],
      bySector: [
        { sector: 'COMMUNITY', sectorLabel: '社区', count: 8 },
        { sector: 'BUILDING', sectorLabel: '楼栋', count: 1 },
        { sector: 'GRID', sectorLabel: '网格', count: 1 },
        { sector: 'NON_PUBLIC_ENTERPRISE', sectorLabel: '非公企业', count: 1 },
        { sector: 'STATE_ORGAN', sectorLabel: '机关', count: 1 },
      ],
      byRegion: [
        { regionCode: '130903', regionLabel: '河北省沧州市运河区', count: 11 },
        { regionCode: '130921', regionLabel: '河北省沧州市沧县', count: 1 },
      ],
      starDistribution: [
        {
          period: '2023-Q2',
          communityCount: 6,
          fiveStar: 1,
          fourStar: 1,
          threeStar: 1,
          unrated: 3,
          inProgress: 1,
        },
        {
          period: '2023-Q3',
          communityCount: 6,
          fiveStar: 0,
          fourStar: 0,
          threeStar: 1,
          unrated: 5,
          inProgress: 0,
        },
        {
          period: '2023-Q4',
          communityCount: 6,
          fiveStar: 0,
          fourStar: 0,
          threeStar: 0,
          unrated: 6,
          inProgress: 0,
        },
      ],
    });
    const street = await ok(
      admin,
      `{ organizationStats(rootId: "${org.streetB}") { totalCount communityCount starDistribution(periods: ["2023-Q2"]) { unrated } } }`,
    );
    expect(street.organizationStats).toEqual({
      totalCount: 2,
      communityCount: 1,
      starDistribution: [{ unrated: 1 }],
    });
    const invalid = await call(
      admin,
      `{ organizationStats(rootId: "${org.district}") { starDistribution(periods: ["2023Q2"]) { period } } }`,
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'periods' }],
    });
  });

  it('holds the cap when two five-star nominations arrive at the same moment', async () => {
    // streetC (outside the district) has two communities: ceil(20% of 2) = 1 place.
    await createOrg(
      'streetC',
      {
        name: 'streetC街道党工委',
        kind: 'WORKING_COMMITTEE',
        sector: 'COMMUNITY',
        regionCode: '130903',
      },
      'province',
    );
    await createOrg('C1', community('C1社区党委'), 'streetC');
    await createOrg('C2', community('C2社区党委'), 'streetC');
    ratingIds.C1 = (await selfAssess('C1', '2023-Q2', 96, 5)).id;
    ratingIds.C2 = (await selfAssess('C2', '2023-Q2', 96, 5)).id;
    const streetAdmin = tokenFor('ORG_ADMIN', org.streetC);
    const results = await Promise.all(
      [ratingIds.C1, ratingIds.C2].map((id) =>
        call(streetAdmin, DEFEND, { input: { id, score: 95, proposedStars: 5 } }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const winner = results[0].errors ? ratingIds.C2 : ratingIds.C1;
    steps[winner] = ['self-assessed', 'defended'];
    steps[winner === ratingIds.C1 ? ratingIds.C2 : ratingIds.C1] = ['self-assessed'];
    expect(
      await db.collection('star_ratings').countDocuments({
        _id: { $in: [ratingIds.C1, ratingIds.C2].map((id) => new mongoose.Types.ObjectId(id)) },
        'defense.proposedStars': 5,
      }),
    ).toBe(1);
  });

  it('lets one of two concurrent steps land and tells the other the state the rating is in', async () => {
    await createOrg('C3', community('C3社区党委'), 'streetC');
    ratingIds.C3 = (await selfAssess('C3', '2023-Q2', 70, 3)).id;
    const streetAdmin = tokenFor('ORG_ADMIN', org.streetC);
    const results = await Promise.all(
      [1, 2].map(() =>
        call(streetAdmin, DEFEND, { input: { id: ratingIds.C3, score: 70, proposedStars: 3 } }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    // Refused before the write or beaten at it: either way the loser learns it is DEFENDED now.
    expect(results.find((r) => r.errors)?.errors?.[0].message).toMatch(/DEFENDED \(公开讲/);
    steps[ratingIds.C3] = ['self-assessed', 'defended'];
  });

  it('publishes one event per step on the ratings topic', async () => {
    Object.assign(steps, {
      [ratingIds.A1]: ['self-assessed', 'defended', 'inspected', 'reviewed', 'published'],
      [ratingIds.A2]: ['self-assessed', 'defended', 'reviewed', 'published'],
      [ratingIds.A3q1]: ['self-assessed', 'defended', 'reviewed', 'published'],
      [ratingIds.A3]: ['self-assessed', 'defended', 'reviewed', 'published'],
      [ratingIds.A3q3]: ['self-assessed', 'defended', 'reviewed', 'published'],
      [ratingIds.A4]: ['self-assessed'],
    });
    const expected = Object.values(steps).reduce((n, s) => n + s.length, 0);
    // The outbox publishes at least once (consumers dedupe by event id): one event per step
    // means one distinct id per step, in version order per rating.
    const ours = () => [
      ...new Map(
        probe.messages
          .map((m) => JSON.parse(m.value!.toString()))
          .filter((e) => Object.values(org).includes(e.data.organizationId))
          .map((e) => [e.id, e]),
      ).values(),
    ];
    await probe.waitFor(() => ours().length >= expected, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // a late extra event would arrive here
    const events = ours();
    expect(events).toHaveLength(expected);
    for (const [id, types] of Object.entries(steps)) {
      const mine = events.filter((e) => e.subject === id);
      expect(mine.map((e) => e.type.replace('jiceng.organizations.star-rating.', ''))).toEqual(
        types,
      );
      expect(mine.map((e) => e.data.version)).toEqual(types.map((_, i) => i + 1));
    }
    const published = events.find(
      (e) => e.subject === ratingIds.A1 && e.type.endsWith('.published'),
    );
    expect(published.data).toMatchObject({
      ratingId: ratingIds.A1,
      organizationId: org.A1,
      streetId: org.streetA,
      period: '2023-Q2',
      status: 'PUBLISHED',
      templateVersion: 1,
      version: 5,
      stars: 5,
      proposedStars: 5,
      inspectionPassed: true,
    });
    expect(published.data.publishedAt).toEqual(expect.any(String));
    expect(
      events.every(
        (e) =>
          e.specversion === '1.0' && e.dataschema === 'urn:jiceng:schema:organizations.ratings.v1',
      ),
    ).toBe(true);
    expect(
      await db.collection('star_ratings').countDocuments({ 'outbox.eventId': { $exists: true } }),
    ).toBe(0);
  });
});
