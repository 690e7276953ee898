import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  Kind,
  parse,
  type DocumentNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import { CLAIMS_HEADER, type Claims } from '@jiceng/auth';
import { ErrorCode } from '@jiceng/graphql';
import type { SubgraphFetchTimer } from './gateway-metrics';
import { httpFetcher, SubgraphUnavailableError } from './http-fetcher';
import { InflightRequests } from './inflight';
import { failoverFetcher, InstanceRotation } from './subgraph-instances';

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
 * SUBGRAPH_TIMEOUT_MS_<NAME> overrides it for one subgraph (say, longer for credit's reports,
 * shorter for quick lookups), when `service` is given.
 */
export function subgraphTimeoutMsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  service?: string,
): number {
  const fallback = positiveMs(env, 'SUBGRAPH_TIMEOUT_MS', 35_000);
  return service
    ? positiveMs(env, `SUBGRAPH_TIMEOUT_MS_${service.toUpperCase()}`, fallback)
    : fallback;
}

/**
 * SUBGRAPH_CONNECT_TIMEOUT_MS: how long the gateway waits for a connection to a subgraph. Short,
 * and apart from SUBGRAPH_TIMEOUT_MS: a subgraph that is down (or unreachable, packets dropped)
 * gives SUBGRAPH_UNAVAILABLE at once instead of holding the request for the whole timeout.
 */
export function subgraphConnectTimeoutMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return positiveMs(env, 'SUBGRAPH_CONNECT_TIMEOUT_MS', 2_000);
}

function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name] ?? String(fallback);
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`${name} must be a positive whole number, got ${raw}`);
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

  constructor(
    private readonly service: string,
    /** The subgraph's instances (SUBGRAPH_URL_<NAME>), taken round robin (subgraph-instances.ts). */
    urls: readonly string[],
    mergeWaitMs: number,
    /** Times each fetch this data source sends (a merged follower sends none). */
    private readonly fetches: SubgraphFetchTimer | undefined,
    private readonly timeoutMs = subgraphTimeoutMsFromEnv(process.env, service),
    connectTimeoutMs = subgraphConnectTimeoutMsFromEnv(),
  ) {
    // The timeout covers the whole exchange, body included, so a hung subgraph never holds a
    // request (nor, through merging, the requests that wait on it). One data source (so one merge
    // of identical fetches and one keep-alive pool) per subgraph, whatever its instances: they
    // serve the same data.
    const rotation = new InstanceRotation(urls);
    super({
      url: urls[0],
      fetcher: failoverFetcher(rotation, httpFetcher(timeoutMs, connectTimeoutMs), () =>
        fetches?.failedOver(service),
      ),
    });
    if (mergeWaitMs > 0)
      this.inflight = new InflightRequests({ maxWaitMs: mergeWaitMs, copy: copyResponse });
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    if (!context?.claimsHeader) return; // the gateway's own requests (none with a static supergraph)
    request.http?.headers.set(CLAIMS_HEADER, context.claimsHeader);
  }

  override process(options: ProcessOptions): Promise<SubgraphResponse> {
    const key = this.inflight && mergeKey(options);
    const fetch = () => this.timed(() => super.process(options));
    const response = key ? this.inflight!.run(key, fetch) : fetch();
    return response.catch((error: unknown) => {
      // Answered, not thrown: the gateway then gives each error the path of the fields this
      // fetch was for (and the service's name), as for errors a subgraph sends itself. The
      // address and the system error stay in the log; the client learns which service.
      if (error instanceof SubgraphUnavailableError) {
        console.warn(`subgraph ${this.service} unavailable: ${error.message}`);
        return this.failed(
          options,
          ErrorCode.SUBGRAPH_UNAVAILABLE,
          `The ${this.service} service is unavailable; try again shortly`,
        );
      }
      if ((error as { name?: unknown } | null)?.name !== 'TimeoutError') throw error;
      console.warn(`subgraph ${this.service} timed out: ${(error as Error).message}`);
      return this.failed(
        options,
        ErrorCode.TIMEOUT,
        `The ${this.service} service did not answer within ${this.timeoutMs} ms; narrow the query (a smaller subtree, a shorter period or fewer items) and try again`,
      );
    });
  }

  private timed(fetch: () => Promise<SubgraphResponse>): Promise<SubgraphResponse> {
    const end = this.fetches?.startFetch(this.service);
    if (!end) return fetch();
    return fetch().then(
      (response) => {
        end(response.errors?.length ? 'error' : 'success');
        return response;
      },
      (error: unknown) => {
        end('error');
        throw error;
      },
    );
  }

  /** The answer to a fetch that got none: one error, naming this service, per field left null. */
  private failed(options: ProcessOptions, code: ErrorCode, message: string): SubgraphResponse {
    const extensions = { code, service: this.service };
    const { query, variables } = options.request;
    const known = 'document' in options ? options.document : undefined;
    const document = known ?? (query ? parse(query) : undefined);
    const entities = Array.isArray(variables?.representations)
      ? variables.representations.length
      : 0;
    return {
      errors: fetchedPaths(document, entities).map((path): GraphQLFormattedError => ({
        message,
        path,
        extensions,
      })),
    };
  }
}

/**
 * The paths, within a subgraph fetch's answer, of the fields it asked for: its root fields, or
 * each entity's fields (`_entities`, index, field), which the gateway maps onto the client's.
 */
export function fetchedPaths(
  document: DocumentNode | undefined,
  entities: number,
): (string | number)[][] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [[]];
  const names = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? [s.alias?.value ?? s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? names(s.selectionSet)
          : [],
    );
  const paths: (string | number)[][] = [];
  for (const field of operation.selectionSet.selections) {
    if (field.kind !== Kind.FIELD) continue;
    const name = field.alias?.value ?? field.name.value;
    if (name !== '_entities' || !field.selectionSet) {
      paths.push([name]);
      continue;
    }
    const inner = [...new Set(names(field.selectionSet))].filter((n) => n !== '__typename');
    for (let i = 0; i < entities; i++) for (const n of inner) paths.push([name, i, n]);
  }
  return paths.length ? paths : [[]];
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
