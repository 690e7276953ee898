import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLAIMS_HEADER, signClaims, type Claims } from '@jiceng/auth';
import { timedOut } from '@jiceng/graphql';

export interface GatewayContext {
  claims: Claims;
}

/**
 * SUBGRAPH_TIMEOUT_MS: how long the gateway waits for one subgraph answer. A little above the
 * subgraphs' read timeout (MONGO_READ_TIMEOUT_MS, 30 s), so a subgraph's own TIMEOUT, which
 * names the field, normally arrives first; this one is for a subgraph that hangs.
 */
export function subgraphTimeoutMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SUBGRAPH_TIMEOUT_MS ?? '35000';
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`SUBGRAPH_TIMEOUT_MS must be a positive whole number, got ${raw}`);
  }
  return ms;
}

/**
 * Sends each subgraph request with the caller's verified claims, signed with the shared secret.
 * Client headers are never forwarded, so a client-supplied claims header cannot reach a subgraph.
 */
export class SignedClaimsDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly claimsSecret: string,
    timeoutMs = subgraphTimeoutMsFromEnv(),
  ) {
    super({
      url,
      // Node's fetch (undici) pools keep-alive connections per subgraph origin. The signal
      // covers the whole exchange, body included, so a hung subgraph never holds a request.
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, {
          ...init,
          signal: AbortSignal.timeout(timeoutMs),
        })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.claims) return; // the gateway's own requests (none with a static supergraph)
    request.http?.headers.set(CLAIMS_HEADER, signClaims(context.claims, this.claimsSecret));
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return super.process(options).catch((error: unknown) => {
      // AbortSignal.timeout rejects with a DOMException named TimeoutError.
      if ((error as { name?: unknown } | null)?.name !== 'TimeoutError') throw error;
      throw timedOut(
        'A service took too long to answer; narrow the query (a smaller subtree, a shorter period or fewer items) and try again',
      );
    });
  }
}
