import type { Server, ServerResponse } from 'node:http';

/**
 * Once the process is told to stop, every answer it still sends closes its connection
 * (`Connection: close`), the answers to requests already in flight included.
 *
 * Nest (enableShutdownHooks) stops listening and lets the requests in flight finish; but an
 * answer sent with `Connection: keep-alive` invites the gateway to send its next request on that
 * connection, which the closing server then drops unanswered: the gateway cannot tell whether
 * the request was read, so it may not send it to another instance. Told to close, it opens a new
 * connection instead, which is refused at once and fails over (gateway/src/subgraph-instances.ts).
 */
export function closeConnectionsOnShutdown(
  server: Server,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) return closeAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  const drain = () => {
    closing = true;
    for (const res of inFlight) closeAfter(res);
  };
  for (const signal of signals) process.once(signal, drain);
}
