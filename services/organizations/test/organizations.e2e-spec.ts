import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import request from 'supertest';
import { claimsSecretFromEnv, signClaims } from '@jiceng/auth';
import { Topics } from '@jiceng/events';
import { createKafka } from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  type AppProcess,
  gql,
  mongoCommands,
  probeTopic,
  startApp,
  tokenFor,
  type TopicProbe,
} from '@jiceng/testing';

const ORG_FIELDS = 'id name kind kindLabel sector regionCode status depth parentId version';
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} } }`;

describe('organizations through the gateway', () => {
  const dbName = `jiceng_organizations_e2e_${randomBytes(4).toString('hex')}`;
  let subgraph: AppProcess;
  let gateway: AppProcess;
  let probe: TopicProbe;
  let db: Connection;
  const admin = tokenFor('ADMIN');

  const create = async (token: string, input: Record<string, unknown>) => {
    const res = await gql(gateway.baseUrl, token, CREATE, { input });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createOrganization as { id: string; depth: number; version: number };
  };
  const documents = () => db.collection('organizations').countDocuments();

  type Created = Awaited<ReturnType<typeof create>>;
  let province: Created;
  let district: Created;
  let streetA: Created;
  let streetB: Created;
  let communityA1: Created;
  let communityB1: Created;

  beforeAll(async () => {
    // Writes wake the relay at once; a slow poll keeps its reads out of the query counts below.
    subgraph = await startApp('services/organizations', {
      MONGO_DB: dbName,
      OUTBOX_POLL_MS: '60000',
    });
    gateway = await startApp('gateway', { SUBGRAPH_URL_ORGANIZATIONS: subgraph.url });
    // The subgraph creates its topics at start; the probe reads from the beginning.
    probe = await probeTopic(createKafka('jiceng-test-probe'), Topics.organizationsLifecycle);
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), subgraph?.stop(), probe?.stop()]);
    await db?.dropDatabase();
    await db?.close();
  });

  it('builds a four-level tree and reads it back through the gateway', async () => {
    province = await create(admin, {
      name: '河北省委',
      kind: 'PARTY_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '130000',
    });
    district = await create(admin, {
      name: '运河区委',
      kind: 'PARTY_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '130903',
      parentId: province.id,
    });
    streetA = await create(admin, {
      name: '水月寺街道党工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'COMMUNITY',
      regionCode: '130903',
      parentId: district.id,
    });
    streetB = await create(admin, {
      name: '南环中路街道党工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'COMMUNITY',
      regionCode: '130903',
      parentId: district.id,
    });
    communityA1 = await create(admin, {
      name: '朝阳社区党委',
      kind: 'PARTY_COMMITTEE',
      sector: 'COMMUNITY',
      regionCode: '130903',
      parentId: streetA.id,
    });
    communityB1 = await create(admin, {
      name: '彩虹社区党委',
      kind: 'PARTY_COMMITTEE',
      sector: 'COMMUNITY',
      regionCode: '130903',
      parentId: streetB.id,
    });
    expect(communityA1.depth).toBe(3);

    const res = await gql(
      gateway.baseUrl,
      admin,
      `query($id: ID!) { organization(id: $id) {
          name
          all: descendants { totalCount edges { node { name depth } } }
          streets: descendants(maxDepth: 1) { totalCount edges { node { name } } }
          communities: descendantCount(filter: { sectors: [COMMUNITY], kinds: [PARTY_COMMITTEE] })
          children(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } }
      } }`,
      { id: district.id },
    );
    expect(res.errors).toBeUndefined();
    const org = res.data.organization;
    expect(org.all.totalCount).toBe(4);
    expect(org.streets.edges.map((e: any) => e.node.name).sort()).toEqual([
      '南环中路街道党工委',
      '水月寺街道党工委',
    ]);
    expect(org.communities).toBe(2);
    expect(org.children).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });

    const next = await gql(
      gateway.baseUrl,
      admin,
      `query($id: ID!, $after: String) { organization(id: $id) { children(first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage } } } }`,
      {
        id: district.id,
        after: org.children.pageInfo.endCursor,
      },
    );
    expect(next.data.organization.children.pageInfo.hasNextPage).toBe(false);
    expect(next.data.organization.children.edges[0].node.name).not.toBe(
      org.children.edges[0].node.name,
    );

    const chain = await gql(
      gateway.baseUrl,
      admin,
      `query($id: ID!) { organization(id: $id) { ancestors { name } parent { name } kindLabel } }`,
      {
        id: communityA1.id,
      },
    );
    expect(chain.data.organization.ancestors.map((a: any) => a.name)).toEqual([
      '河北省委',
      '运河区委',
      '水月寺街道党工委',
    ]);
    expect(chain.data.organization).toMatchObject({
      parent: { name: '水月寺街道党工委' },
      kindLabel: '党委',
    });
  });

  it('updates, moves with the whole subtree, and dissolves', async () => {
    const grid = await create(admin, {
      name: '第一网格党支部',
      kind: 'BRANCH',
      sector: 'GRID',
      regionCode: '130903',
      parentId: communityA1.id,
    });

    const updated = await gql(
      gateway.baseUrl,
      admin,
      `mutation { updateOrganization(input: { id: "${communityA1.id}", name: "朝阳社区党委（新）" }) { name version } }`,
    );
    expect(updated.data.updateOrganization).toEqual({ name: '朝阳社区党委（新）', version: 2 });

    const moved = await gql(
      gateway.baseUrl,
      admin,
      `mutation { moveOrganization(input: { id: "${communityA1.id}", newParentId: "${streetB.id}" }) { parentId depth version } }`,
    );
    expect(moved.data.moveOrganization).toEqual({ parentId: streetB.id, depth: 3, version: 3 });
    const gridChain = await gql(
      gateway.baseUrl,
      admin,
      `{ organization(id: "${grid.id}") { depth ancestors { id } } }`,
    );
    expect(gridChain.data.organization).toEqual({
      depth: 4,
      ancestors: [province.id, district.id, streetB.id, communityA1.id].map((id) => ({ id })),
    });

    const cycle = await gql(
      gateway.baseUrl,
      admin,
      `mutation { moveOrganization(input: { id: "${streetB.id}", newParentId: "${grid.id}" }) { id } }`,
    );
    expect(cycle.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.newParentId' }],
    });

    const busy = await gql(
      gateway.baseUrl,
      admin,
      `mutation { dissolveOrganization(input: { id: "${communityA1.id}", reason: "撤并" }) { id } }`,
    );
    expect(busy.errors?.[0].extensions?.code).toBe('CONFLICT');

    const dissolved = await gql(
      gateway.baseUrl,
      admin,
      `mutation { dissolveOrganization(input: { id: "${grid.id}", reason: "撤销僵尸支部" }) { status statusLabel dissolutionReason dissolvedAt } }`,
    );
    expect(dissolved.data.dissolveOrganization).toMatchObject({
      status: 'DISSOLVED',
      statusLabel: '已撤销',
      dissolutionReason: '撤销僵尸支部',
    });

    // Every change above is one event; nothing is published twice.
    const ours = new Set(
      [province, district, streetA, streetB, communityA1, communityB1, grid].map((o) => o.id),
    );
    const expected = 7 /* created */ + 1 /* updated */ + 1 /* moved */ + 1; /* dissolved */
    const events = () =>
      probe.messages
        .map((m) => JSON.parse(m.value!.toString()))
        .filter((e) => ours.has(e.data.organizationId));
    await probe.waitFor(() => events().length >= expected, 90_000);
    await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would arrive here
    const seen = events();
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((e) => `${e.data.organizationId}@${e.data.version}`)).size).toBe(
      expected,
    );
    expect(seen.filter((e) => e.type.endsWith('.moved')).map((e) => e.subject)).toEqual([
      communityA1.id,
    ]);
    expect(seen.every((e) => e.specversion === '1.0' && e.source === '/jiceng/organizations')).toBe(
      true,
    );
    expect(
      await db.collection('organizations').countDocuments({ 'outbox.eventId': { $exists: true } }),
    ).toBe(0);
  });

  it('keeps an ORG_ADMIN inside its subtree', async () => {
    const streetAdmin = tokenFor('ORG_ADMIN', streetA.id);
    const before = await db
      .collection('organizations')
      .findOne({ _id: new mongoose.Types.ObjectId(communityB1.id) });

    const foreign = await gql(
      gateway.baseUrl,
      streetAdmin,
      `mutation { updateOrganization(input: { id: "${communityB1.id}", name: "越权修改" }) { name } }`,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(foreign.data).toBeNull();
    const own = await gql(
      gateway.baseUrl,
      streetAdmin,
      `mutation { updateOrganization(input: { id: "${streetA.id}", name: "越权修改" }) { name } }`,
    );
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN'); // only an ancestor's admin changes a node
    expect(
      await db
        .collection('organizations')
        .findOne({ _id: new mongoose.Types.ObjectId(communityB1.id) }),
    ).toEqual(before);

    // An organization outside the scope answers as an unknown id does: existence stays hidden.
    const lookup = (id: string) =>
      gql(gateway.baseUrl, streetAdmin, `{ organization(id: "${id}") { name } }`);
    const outside = await lookup(communityB1.id);
    const unknown = await lookup(String(new mongoose.Types.ObjectId()));
    expect(outside).toMatchObject({ data: { organization: null }, errors: undefined });
    expect(unknown).toEqual(outside);

    const child = await create(streetAdmin, {
      name: '新建社区党支部',
      kind: 'BRANCH',
      sector: 'COMMUNITY',
      regionCode: '130903',
      parentId: streetA.id,
    });
    const list = await gql(
      gateway.baseUrl,
      streetAdmin,
      `{ organizations(first: 100) { totalCount edges { node { id } } } }`,
    );
    const visible = list.data.organizations.edges.map((e: any) => e.node.id);
    expect(visible).toEqual(expect.arrayContaining([streetA.id, child.id]));
    expect(visible).not.toContain(communityB1.id);
    expect(visible).not.toContain(district.id);

    const ancestors = await gql(
      gateway.baseUrl,
      streetAdmin,
      `{ organization(id: "${child.id}") { ancestors { id } } }`,
    );
    expect(ancestors.data.organization.ancestors).toEqual([{ id: streetA.id }]);
  });

  it('rejects invalid input with BAD_USER_INPUT naming the fields, and writes nothing', async () => {
    const before = await documents();
    const res = await gql(gateway.baseUrl, admin, CREATE, {
      input: {
        name: '某',
        kind: 'BRANCH',
        sector: 'COMMUNITY',
        regionCode: '990101',
        parentId: district.id,
      },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields.map((f: any) => f.field).sort()).toEqual([
      'input.name',
      'input.regionCode',
    ]);
    expect(res.errors?.[0].extensions?.stacktrace).toBeUndefined();
    // The province (13) exists, the county does not: the whole code is checked, not its prefix.
    const unknownCounty = await gql(gateway.baseUrl, admin, CREATE, {
      input: {
        name: '某某支部',
        kind: 'BRANCH',
        sector: 'COMMUNITY',
        regionCode: '130999',
        parentId: district.id,
      },
    });
    expect(unknownCounty.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.regionCode', message: '130999 is not a division of GB/T 2260' }],
    });
    const unknownParent = await gql(gateway.baseUrl, admin, CREATE, {
      input: {
        name: '某某支部',
        kind: 'BRANCH',
        sector: 'COMMUNITY',
        regionCode: '130903',
        parentId: '0123456789abcdef01234567',
      },
    });
    expect(unknownParent.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.parentId' }],
    });
    expect(await documents()).toBe(before);
  });

  it('resolves a batch of entity references with one database query', async () => {
    const ids = [province, district, streetA, streetB, communityA1, communityB1].map((o) => o.id);
    const representations = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'Organization',
      id: ids[i % ids.length],
    }));
    const claims = signClaims(
      { sub: 'gateway-test', role: 'ADMIN', exp: Math.floor(Date.now() / 1000) + 60 },
      claimsSecretFromEnv(),
    );
    const before = await mongoCommands(subgraph);
    const res = await request(subgraph.baseUrl)
      .post('/graphql')
      .set('x-jiceng-claims', claims)
      .send({
        query:
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } } }',
        variables: { r: representations },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toHaveLength(100);
    expect(res.body.data._entities[99].id).toBe(ids[99 % ids.length]);
    expect((await mongoCommands(subgraph)) - before).toBe(1);
  });

  it('rejects requests that reach the subgraph without the gateway', async () => {
    for (const query of [
      '{ organizations { totalCount } }',
      '{ _service { sdl } }',
      `{ _entities(representations: [{ __typename: "Organization", id: "${district.id}" }]) { ... on Organization { name } } }`,
    ]) {
      const unsigned = await request(subgraph.baseUrl).post('/graphql').send({ query });
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const forged = await request(subgraph.baseUrl)
        .post('/graphql')
        .set(
          'x-jiceng-claims',
          `${Buffer.from(JSON.stringify({ sub: 'x', role: 'ADMIN', exp: 9999999999 })).toString('base64url')}.AAAA`,
        )
        .send({ query });
      expect(forged.status).toBe(401);
    }
  });

  it('ignores a claims header sent by a client to the gateway', async () => {
    const member = tokenFor('MEMBER', communityB1.id);
    const res = await gql(
      gateway.baseUrl,
      member,
      `mutation { updateOrganization(input: { id: "${communityB1.id}", name: "伪造身份" }) { name } }`,
      undefined,
      {
        'x-jiceng-claims': 'forged.header',
      },
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(gateway.baseUrl, null, '{ organizations { totalCount } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
