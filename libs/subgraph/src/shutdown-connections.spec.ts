import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeConnectionsOnShutdown } from './shutdown-connections';

// A signal no test runner uses; emitted, not sent, so only the listeners run.
const SIGNAL = 'SIGUSR2';

describe('connections of a subgraph told to stop', () => {
  let server: Server;
  let port: number;
  const agent = new Agent({ keepAlive: true });

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.once('end', () => res.end('ok'));
    });
    closeConnectionsOnShutdown(server, [SIGNAL]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A POST whose body is sent in two parts, `gapMs` apart, then its Connection header. */
  function post(gapMs: number, between: () => void = () => undefined): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', method: 'POST', agent }, (res) => {
        res.resume();
        res.once('end', () => resolve(String(res.headers.connection)));
      });
      req.once('error', reject);
      req.write('part');
      setTimeout(() => {
        between();
        req.end('rest');
      }, gapMs);
    });
  }

  it('keeps connections alive, and closes them after the answers in flight once told to stop', async () => {
    expect(await post(0)).toBe('keep-alive');
    // In flight when the signal comes: still answered, with its connection closed after it.
    expect(await post(50, () => process.emit(SIGNAL))).toBe('close');
    expect(await post(0)).toBe('close');
  });
});
