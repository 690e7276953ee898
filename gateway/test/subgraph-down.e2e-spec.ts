import { randomBytes } from 'node:crypto';
import {
  dataOf,
  dropDatabases,
  freePort,
  gql,
  startApp,
  tokenFor,
  type AppProcess,
} from '@jiceng/testing';

// The organizations subgraph, the quickest to start and stop (no consumer group to join or leave).
const COUNT = '{ organizations(first: 1) { totalCount } }';

// A subgraph that is down fails its part of a query at once, with an error naming the field and
// the service; once it is back, the gateway uses it at once.
describe('gateway over a subgraph that goes down and comes back', () => {
  const dbName = `jiceng_gateway_down_e2e_${randomBytes(4).toString('hex')}`;
  const admin = tokenFor('ADMIN');
  let port: string;
  let subgraph: AppProcess | undefined;
  let gateway: AppProcess;

  beforeAll(async () => {
    port = String(await freePort());
    subgraph = await startApp('services/organizations', { MONGO_DB: dbName, PORT: port });
    gateway = await startApp('gateway', { SUBGRAPH_URL_ORGANIZATIONS: subgraph.url });
    dataOf(await gql(gateway.baseUrl, admin, COUNT)); // a pooled keep-alive connection
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
    await dropDatabases(dbName);
  });

  it.each([
    ['stopped', (app: AppProcess) => app.stop()],
    ['killed', (app: AppProcess) => app.kill()],
  ])(
    'names the path and the service while it is %s, and answers at once when it is back',
    async (_how, down) => {
      await down(subgraph!);
      subgraph = undefined;

      let started = Date.now();
      const failed = await gql(gateway.baseUrl, admin, COUNT);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(failed.errors).toEqual([
        {
          message: 'The organizations service is unavailable; try again shortly',
          path: ['organizations'],
          extensions: expect.objectContaining({
            code: 'SUBGRAPH_UNAVAILABLE',
            service: 'organizations',
          }),
        },
      ]);
      expect(JSON.stringify(failed.errors)).not.toMatch(/ECONN|127\.0\.0\.1|stack/i);

      subgraph = await startApp('services/organizations', { MONGO_DB: dbName, PORT: port });
      started = Date.now();
      const back = await gql(gateway.baseUrl, admin, COUNT);
      expect(back.errors).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2_000);
    },
  );
});
