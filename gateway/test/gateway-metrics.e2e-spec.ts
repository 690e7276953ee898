import { randomBytes } from 'node:crypto';
import { dropDatabases, gql, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

/** The value of one sample of the Prometheus text, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2].split(',');
    if (wanted.every((l) => present.includes(l))) return Number(match[3]);
  }
  return 0;
}

// The gateway and the members subgraph as real processes: what /metrics shows after a named
// query that succeeds, a query that fails validation and a request without a token.
describe('gateway metrics', () => {
  const dbName = `jiceng_gateway_metrics_e2e_${randomBytes(4).toString('hex')}`;
  let members: AppProcess;
  let gateway: AppProcess;
  const admin = tokenFor('ADMIN');

  beforeAll(async () => {
    members = await startApp('services/members', { MONGO_DB: dbName });
    gateway = await startApp('gateway', { SUBGRAPH_URL_MEMBERS: members.url });
  });
  afterAll(async () => {
    await gateway?.stop();
    await members?.stop();
    await dropDatabases(dbName);
  });

  const metrics = async () => {
    const res = await fetch(`${gateway.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('counts requests, errors by code and subgraph fetches, served without a token', async () => {
    const ok = await gql(
      gateway.baseUrl,
      admin,
      'query MetricsProbe { member(id: "000000000000000000000000") { id } }',
    );
    expect(ok).toMatchObject({ status: 200, data: { member: null } });
    expect(ok.errors).toBeUndefined();
    const invalid = await gql(gateway.baseUrl, admin, 'query BrokenProbe { noSuchField }');
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const anonymous = await gql(gateway.baseUrl, null, '{ __typename }');
    expect(anonymous.status).toBe(401);

    const text = await metrics();
    const requests = 'jiceng_gateway_requests_total';
    expect(sample(text, requests, { operation: 'MetricsProbe', outcome: 'success' })).toBe(1);
    expect(sample(text, requests, { operation: 'MetricsProbe', outcome: 'error' })).toBe(0);
    expect(sample(text, requests, { operation: 'BrokenProbe', outcome: 'error' })).toBe(1);
    const durations = 'jiceng_gateway_request_duration_seconds_count';
    expect(sample(text, durations, { operation: 'MetricsProbe', outcome: 'success' })).toBe(1);
    expect(
      sample(text, 'jiceng_gateway_request_duration_seconds_bucket', {
        operation: 'MetricsProbe',
        outcome: 'success',
        le: '30',
      }),
    ).toBe(1);
    const errors = 'jiceng_gateway_errors_total';
    expect(sample(text, errors, { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, errors, { code: 'UNAUTHENTICATED' })).toBe(1);
    const fetches = 'jiceng_gateway_subgraph_fetch_duration_seconds';
    expect(sample(text, `${fetches}_count`, { service: 'members', outcome: 'success' })).toBe(1);
    expect(
      sample(text, `${fetches}_sum`, { service: 'members', outcome: 'success' }),
    ).toBeGreaterThan(0);
    // The invalid query never reached a subgraph.
    expect(sample(text, `${fetches}_count`, { service: 'members', outcome: 'error' })).toBe(0);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});
