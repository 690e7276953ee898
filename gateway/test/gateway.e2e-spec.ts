import { gql, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

// The limits are checked before any subgraph is called, so no subgraph runs here; the
// organizations e2e covers requests that reach one.
describe('gateway', () => {
  let gateway: AppProcess;
  const token = tokenFor('ANALYST', '6b02d8672a6584f6ec021221');

  beforeAll(async () => {
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: 'http://127.0.0.1:9/graphql',
    });
  });
  afterAll(() => gateway?.stop());

  it('loads the composed supergraph and serves introspection outside production', async () => {
    const res = await gql(
      gateway.baseUrl,
      token,
      '{ __type(name: "Organization") { fields { name } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.__type.fields.map((f: any) => f.name)).toEqual(
      expect.arrayContaining(['id', 'ancestors', 'descendants']),
    );
  });

  it('answers 401 without a valid bearer token', async () => {
    for (const bad of [null, 'not-a-jwt', tokenFor('ADMIN').replace(/.$/, 'x')]) {
      const res = await gql(gateway.baseUrl, bad, '{ organizations { totalCount } }');
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  const nested = (depth: number) =>
    `{ organizations { edges { node { ${'children { edges { node { '.repeat(depth)}id${' } } }'.repeat(depth)} } } } }`;

  it.each([
    ['depth', nested(4), /depth limit of 12/i],
    [
      'aliases',
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: organizations { totalCount }`).join(' ')} }`,
      /alias/i,
    ],
    [
      'page size',
      '{ organizations(first: 500) { totalCount } }',
      /Page size 500 exceeds the limit of 100/,
    ],
  ])(
    'rejects an operation over the %s limit with a clear error',
    async (_limit, query, message) => {
      const res = await gql(gateway.baseUrl, token, query);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].message).toMatch(message);
      expect(res.errors?.[0].extensions?.stacktrace).toBeUndefined();
    },
  );

  it('rejects a page size above the limit passed as a variable', async () => {
    const res = await gql(
      gateway.baseUrl,
      token,
      'query($n: Int) { organizations(first: $n) { totalCount } }',
      { n: 1000 },
    );
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    [
      'a syntax error',
      '{ organizations {',
      undefined,
      'GRAPHQL_PARSE_FAILED',
      /Syntax Error: Expected Name/,
    ],
    [
      'a document over the token limit',
      `{ ${'__typename '.repeat(3_100)}}`,
      undefined,
      'GRAPHQL_PARSE_FAILED',
      /more that 3000 tokens/,
    ],
    [
      'a document over the field limit',
      `{ ${'__typename '.repeat(1_600)}}`,
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
      /^Field limit of 500 exceeded, found 1600\.$/,
    ],
    [
      'two operations without operationName',
      'query A { __typename } query B { __typename }',
      undefined,
      'BAD_REQUEST',
      /several operations: name the one to run in operationName/,
    ],
    [
      'an operationName the document lacks',
      'query A { __typename }',
      'B',
      'BAD_REQUEST',
      /no operation named B/,
    ],
  ])('answers %s with 400 and the reason', async (_case, query, operationName, code, message) => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, operationName }),
    });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { message: string; extensions: object }[] };
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(errors[0].extensions).toEqual(expect.objectContaining({ code }));
  });

  it('rejects lists within lists over the cost limit, page sizes given as variables', async () => {
    const res = await gql(
      gateway.baseUrl,
      token,
      'query($n: Int) { organizations(first: $n) { edges { node { members(first: $n) { edges { node { id name } } } } } } }',
      { n: 100 },
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Query cost limit of 20000 exceeded, found 50300/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('refuses batched HTTP operations', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });
});
