import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The subgraph could not be reached or dropped the connection before answering (refused, reset,
 * not connected within the connect timeout): nothing about it reached the gateway.
 */
export class SubgraphUnavailableError extends Error {
  override readonly name = 'SubgraphUnavailableError';

  constructor(
    message: string,
    options: ErrorOptions & {
      /**
       * Whether the request may have reached the subgraph: false when no connection was ever
       * made (refused, not connected in time, no such host), so another instance may be asked
       * even for a mutation; true once a connection was open, the request possibly read.
       */
      sent: boolean;
    },
  ) {
    super(message, options);
    this.sent = options.sent;
  }

  readonly sent: boolean;
}

/**
 * The subgraph fetcher: node:http on keep-alive agents, each answer read whole before it is parsed.
 * Node 20's fetch (undici) runs every body through web streams, which cost more of the gateway's
 * CPU under load than the rest of a subgraph call; subgraph answers are small JSON documents
 * that the data source reads at once anyway. One keep-alive pool per data source (subgraph).
 * `timeoutMs` bounds the whole exchange, body included (node:http has no timeout by default): a
 * call not answered by then fails with an error named `TimeoutError`, as `AbortSignal.timeout`'s.
 * `connectTimeoutMs` bounds the connection alone, so a subgraph that is down fails fast (a
 * `SubgraphUnavailableError`, as any failure before an answer) instead of after `timeoutMs`.
 */
export function httpFetcher(timeoutMs: number, connectTimeoutMs = timeoutMs): Fetcher {
  const agents = {
    http: new Agent({ keepAlive: true }),
    https: new HttpsAgent({ keepAlive: true }),
  };
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const options = { method: init.method ?? 'GET', headers: init.headers };
      const req = url.startsWith('https:')
        ? httpsRequest(url, { ...options, agent: agents.https })
        : request(url, { ...options, agent: agents.http });
      const timer = setTimeout(() => {
        const error = new Error(`no answer from ${url} within ${timeoutMs} ms`);
        error.name = 'TimeoutError';
        req.destroy(error);
      }, timeoutMs);
      let connected = false;
      req.once('socket', (socket) => {
        connected = !socket.connecting; // a pooled keep-alive connection
        if (connected) return;
        const connectTimer = setTimeout(
          () => req.destroy(new Error(`not connected within ${connectTimeoutMs} ms`)),
          connectTimeoutMs,
        );
        socket.once('connect', () => {
          connected = true;
          clearTimeout(connectTimer);
        });
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.once('close', () => clearTimeout(timer));
      const unavailable = (error: Error) =>
        reject(
          error.name === 'TimeoutError'
            ? error
            : new SubgraphUnavailableError(`${url}: ${error.message}`, {
                cause: error,
                sent: connected,
              }),
        );
      req.once('error', unavailable);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', unavailable);
        res.once('end', () => {
          const body = Buffer.concat(chunks);
          resolve(
            bufferedResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', res.headers, body),
          );
        });
      });
      req.end(init.body);
    });
}

function bufferedResponse(
  url: string,
  status: number,
  statusText: string,
  rawHeaders: IncomingHttpHeaders,
  body: Buffer,
): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(rawHeaders)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
  }
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText,
    headers,
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')),
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    clone: () => bufferedResponse(url, status, statusText, rawHeaders, body),
  };
  return response;
}
