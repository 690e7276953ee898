import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql, startApp, tokenFor, type AppProcess } from '@jiceng/testing';

// A subgraph that accepts the request and never answers: the gateway gives up after its timeout
// (SUBGRAPH_TIMEOUT_MS_<NAME>, over SUBGRAPH_TIMEOUT_MS) with a coded error naming the field and
// the service instead of holding the client's request.
describe('gateway over a subgraph that hangs', () => {
  let hanging: Server;
  let gateway: AppProcess;

  beforeAll(async () => {
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    gateway = await startApp('gateway', {
      SUBGRAPH_URL_ORGANIZATIONS: `http://127.0.0.1:${port}/graphql`,
      SUBGRAPH_TIMEOUT_MS: '60000',
      SUBGRAPH_TIMEOUT_MS_ORGANIZATIONS: '1000',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    hanging?.closeAllConnections();
    await new Promise((resolve) => hanging?.close(resolve));
  });

  it("answers TIMEOUT with the path and the service once the subgraph's timeout has passed", async () => {
    const started = Date.now();
    const res = await gql(gateway.baseUrl, tokenFor('ADMIN'), '{ organizations { totalCount } }');
    const elapsed = Date.now() - started;
    expect(res.errors).toEqual([
      {
        message:
          'The organizations service did not answer within 1000 ms; narrow the query (a smaller subtree, a shorter period or fewer items) and try again',
        path: ['organizations'],
        extensions: expect.objectContaining({ code: 'TIMEOUT', service: 'organizations' }),
      },
    ]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|http:|stack/i);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});
