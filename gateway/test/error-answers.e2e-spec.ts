import { randomBytes } from 'node:crypto';
import { dropDatabases, gql, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

// Whatever fails before GraphQL runs (the body, the route) is answered as GraphQL-shaped JSON
// with a code: never Express's HTML page, which shows a stack trace and the server's paths.
function expectJsonError(res: Awaited<ReturnType<typeof post>>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/application\/json/);
  expect(res.text).not.toMatch(/node_modules|\/work\/|\bat \w+ \(|<html/i);
  expect(JSON.parse(res.text)).toEqual({
    errors: [{ message: expect.any(String), extensions: { code } }],
  });
}

describe('error answers before GraphQL runs', () => {
  const dbName = `jiceng_gateway_errors_e2e_${randomBytes(4).toString('hex')}`;
  let members: AppProcess;
  let gateway: AppProcess;
  const admin = tokenFor('ADMIN');
  const auth = { authorization: `Bearer ${admin}` };

  beforeAll(async () => {
    members = await startApp('services/members', { MONGO_DB: dbName });
    gateway = await startApp('gateway', { SUBGRAPH_URL_MEMBERS: members.url });
  });
  afterAll(async () => {
    await gateway?.stop();
    await members?.stop();
    await dropDatabases(dbName);
  });

  const huge = JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(600_000) } });

  it.each([
    ['gateway', () => gateway.url],
    ['subgraph', () => members.url],
  ])('the %s answers malformed JSON and an oversized body as JSON', async (_app, url) => {
    expectJsonError(await post(url(), '{"query":', auth), 400, 'BAD_REQUEST');
    expectJsonError(await post(url(), huge, auth), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('the gateway answers an unknown route as JSON', async () => {
    const res = await fetch(`${gateway.baseUrl}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('forwards to a subgraph whatever body the gateway accepted', async () => {
    // 150 KB: within the gateway's limit, above the 100 KB Nest's parser accepts by default.
    const res = await gql(
      gateway.baseUrl,
      admin,
      'query($n: String!) { memberByIdNumber(idNumber: $n) { id } }',
      {
        n: '1'.repeat(150_000),
      },
    );
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
