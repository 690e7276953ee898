import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { CLAIMS_HEADER } from '@jiceng/auth';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { dataOf, gql, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

interface Seen {
  query: string;
  claims: string;
}

/**
 * A proxy in front of the real subgraph that records each request and holds it `delayMs`, so that
 * concurrent gateway requests are certainly in flight together.
 */
async function countingProxy(target: string, delayMs: number) {
  const seen: Seen[] = [];
  const body = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString();
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await body(req);
      seen.push({ query: JSON.parse(text).query, claims: String(req.headers[CLAIMS_HEADER]) });
      await new Promise((r) => setTimeout(r, delayMs));
      const upstream = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CLAIMS_HEADER]: String(req.headers[CLAIMS_HEADER]),
        },
        body: text,
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const ORG = 'query($id: ID!) { organization(id: $id) { id name kindLabel } }';
const CREATE =
  'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
const input = (name: string) => ({
  name,
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '130903',
});

describe('gateway: identical concurrent subgraph queries', () => {
  const dbName = `jiceng_gateway_merge_e2e_${randomBytes(4).toString('hex')}`;
  let subgraph: AppProcess;
  let gateway: AppProcess;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  const admin = tokenFor('ADMIN');
  let orgId: string;
  let otherId: string;

  beforeAll(async () => {
    subgraph = await startApp('services/organizations', { MONGO_DB: dbName });
    proxy = await countingProxy(subgraph.url, 300);
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: proxy.url,
      SUBGRAPH_MERGE_WAIT_MS: '5000',
    });
    orgId = dataOf(await gql(gateway.baseUrl, admin, CREATE, { input: input('合并测试区委') }))
      .createOrganization.id;
    otherId = dataOf(await gql(gateway.baseUrl, admin, CREATE, { input: input('另一区委') }))
      .createOrganization.id;
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), proxy?.close()]);
    await subgraph?.stop();
    const db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    await db.dropDatabase();
    await db.close();
  });

  const queriesSince = (start: number) => proxy.seen.slice(start);

  it('sends N identical concurrent queries of one token to the subgraph once', async () => {
    const token = tokenFor('ANALYST', orgId);
    const start = proxy.seen.length;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => gql(gateway.baseUrl, token, ORG, { id: orgId })),
    );
    for (const res of results)
      expect(dataOf(res).organization).toMatchObject({ id: orgId, name: '合并测试区委' });
    expect(queriesSince(start)).toHaveLength(1);
  });

  it('never lets two tokens share a fetch: each gets the answer of its own scope', async () => {
    const inScope = tokenFor('ANALYST', orgId);
    const outOfScope = tokenFor('ANALYST', otherId);
    const start = proxy.seen.length;
    const [mine, theirs] = await Promise.all([
      gql(gateway.baseUrl, inScope, ORG, { id: orgId }),
      gql(gateway.baseUrl, outOfScope, ORG, { id: orgId }),
    ]);
    expect(dataOf(mine).organization.id).toBe(orgId);
    expect(theirs.data?.organization ?? null).toBeNull();
    const seen = queriesSince(start);
    expect(seen).toHaveLength(2);
    expect(new Set(seen.map((s) => s.claims)).size).toBe(2);
  });

  it('sends every identical concurrent mutation', async () => {
    const start = proxy.seen.length;
    const results = await Promise.all(
      [1, 2].map(() => gql(gateway.baseUrl, admin, CREATE, { input: input('同名党委') })),
    );
    const ids = results.map((res) => dataOf(res).createOrganization.id);
    expect(new Set(ids).size).toBe(2);
    expect(queriesSince(start).filter((s) => s.query.startsWith('mutation'))).toHaveLength(2);
  });
});
