import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabases, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const MEMBERS = 'query MemberCount { members(first: 1) { totalCount } }';
const AD_HOC = 'query AdHoc { members(first: 2) { totalCount edges { cursor } } }';

interface Answer {
  status: number;
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

// Through the gateway as clients send them: APQ by POST (hash alone, then hash with text) and
// by GET, the way Apollo Client's persisted-queries link does.
describe('persisted operations through the gateway', () => {
  const dbName = `jiceng_gateway_apq_e2e_${randomBytes(4).toString('hex')}`;
  let members: AppProcess;
  let gateway: AppProcess;
  const auth = { authorization: `Bearer ${tokenFor('ADMIN')}` };

  async function post(body: object, client?: string): Promise<Answer> {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...auth,
        ...(client ? { 'apollographql-client-name': client } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as object) };
  }
  const persisted = (query: string) => ({ version: 1, sha256Hash: sha(query) });
  const refusedBySafelist = async () => {
    const text = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    const count = /^jiceng_gateway_errors_total\{code="OPERATION_NOT_IN_SAFELIST"\} (\d+)$/m;
    return Number(count.exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    const dir = join(tmpdir(), `jiceng-safelist-${randomBytes(4).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'operations.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha(MEMBERS), name: 'MemberCount', type: 'query', body: MEMBERS }],
      }),
    );
    members = await startApp('services/members', { MONGO_DB: dbName });
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_MEMBERS: members.url,
      SAFELIST_PATH: path,
      SAFELIST_CLIENTS: 'jiceng-web, jiceng-mobile',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await members?.stop();
    await dropDatabases(dbName);
  });

  it('registers an ad-hoc text by its hash, then answers the hash alone (POST and GET)', async () => {
    const extensions = { persistedQuery: persisted(AD_HOC) };
    const unknown = await post({ extensions });
    expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query: AD_HOC, extensions });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.members.totalCount).toBe(0);
    expect(await post({ extensions })).toEqual({ status: 200, data: registered.data });

    const url = `${gateway.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
    const res = await fetch(url, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: registered.data });
  });

  it('refuses a text whose hash is not its own', async () => {
    const res = await post({ query: AD_HOC, extensions: { persistedQuery: persisted(MEMBERS) } });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/sha does not match/);
  });

  it("answers a safelisted client's operation by hash, never registered", async () => {
    const res = await post({ extensions: { persistedQuery: persisted(MEMBERS) } }, 'jiceng-web');
    expect(res).toEqual({ status: 200, data: { members: { totalCount: 0 } } });
    // By its text too: the hash is what the safelist holds.
    expect((await post({ query: MEMBERS }, 'jiceng-mobile')).data).toEqual(res.data);
  });

  it('holds a safelisted client to the safelist, by text or by a registered hash', async () => {
    const refusedBefore = await refusedBySafelist();
    for (const body of [
      { query: AD_HOC },
      { extensions: { persistedQuery: persisted(AD_HOC) } },
      { query: '{ __typename }' },
    ]) {
      const res = await post(body, 'jiceng-web');
      expect(res.status).toBe(403);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([
        {
          message: expect.stringMatching(/jiceng-web/),
          extensions: { code: 'OPERATION_NOT_IN_SAFELIST' },
        },
      ]);
    }
    // Refused before execution, and counted by code on /metrics (gateway-metrics.ts).
    expect(await refusedBySafelist()).toBe(refusedBefore + 3);
  });

  it('leaves other clients and analysts free under the operation limits', async () => {
    expect((await post({ query: AD_HOC }, 'analyst-notebook')).data.members.totalCount).toBe(0);
    expect((await post({ query: AD_HOC })).data.members.totalCount).toBe(0);
    const tooDeep = `{ ${'members(first: 1) { edges { node { organization { '.repeat(6)}id${' } } } }'.repeat(6)} }`;
    const res = await post({ query: tooDeep });
    expect(res.status).toBe(400);
    expect(res.errors?.length).toBeGreaterThan(0);
  });
});
