import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLAIMS_HEADER, type Claims } from '@jiceng/auth';
import { timedOut } from '@jiceng/graphql';
import { httpFetcher } from './http-fetcher';
import { InflightRequests } from './inflight';

export interface GatewayContext {
  claims: Claims;
  /** `claims` signed for the subgraphs, once per request (libs/auth `signClaims`). */
  claimsHeader: string;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
export type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

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
 *
 * With `mergeWaitMs` > 0, identical concurrent fetches of queries are sent once (inflight.ts):
 * same subgraph (one data source each), same signed claims (so no caller ever receives data read
 * under another caller's scope), same query, operation name and variables. A fetch of an incoming
 * mutation is never merged, its reads included: they must see the mutation's writes, not a read
 * that started before them. A follower's response does not restrict its request's cache policy
 * (the leader's does); no subgraph sets a positive max-age today, so no response is cacheable.
 */
export class SignedClaimsDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inflight?: InflightRequests<SubgraphResponse>;

  constructor(url: string, mergeWaitMs: number, timeoutMs = subgraphTimeoutMsFromEnv()) {
    // The timeout covers the whole exchange, body included, so a hung subgraph never holds a
    // request (nor, through merging, the requests that wait on it).
    super({ url, fetcher: httpFetcher(timeoutMs) });
    if (mergeWaitMs > 0)
      this.inflight = new InflightRequests({ maxWaitMs: mergeWaitMs, copy: copyResponse });
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    if (!context?.claimsHeader) return; // the gateway's own requests (none with a static supergraph)
    request.http?.headers.set(CLAIMS_HEADER, context.claimsHeader);
  }

  override process(options: ProcessOptions): Promise<SubgraphResponse> {
    const key = this.inflight && mergeKey(options);
    const response = key
      ? this.inflight!.run(key, () => super.process(options))
      : super.process(options);
    return response.catch((error: unknown) => {
      if ((error as { name?: unknown } | null)?.name !== 'TimeoutError') throw error;
      throw timedOut(
        'A service took too long to answer; narrow the query (a smaller subtree, a shorter period or fewer items) and try again',
      );
    });
  }
}

/** What makes two subgraph fetches the same; undefined for one that must not be merged. */
export function mergeKey(options: ProcessOptions): string | undefined {
  // Only a client's operation has an incoming request (not health checks or schema loading).
  if (!('incomingRequestContext' in options)) return undefined;
  if (options.incomingRequestContext.operation?.operation !== 'query') return undefined;
  const { claimsHeader } = options.incomingRequestContext.context;
  const { query, operationName, variables } = options.request;
  if (!claimsHeader || !query) return undefined;
  // The signed header, not the claims object: it is what the subgraph authorizes by.
  return JSON.stringify([claimsHeader, operationName ?? null, query, variables ?? null]);
}

/**
 * A follower's own copy of a merged response: the gateway merges subgraph data into its result
 * in place, so two callers must not hold the same objects. `http` (the fetch response, read only
 * for its cache-control header) is shared.
 */
export function copyResponse(response: SubgraphResponse): SubgraphResponse {
  const { http, ...body } = response;
  return { ...structuredClone(body), http };
}
