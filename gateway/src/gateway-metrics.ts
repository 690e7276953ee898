import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type Outcome = 'success' | 'error';

/** 5 ms to 30 s: a cached read to a query that runs into SUBGRAPH_TIMEOUT_MS's neighbourhood. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The `operation` label of an operation name. Clients choose the names (and may send one that
 * is not even in the document), so the label set is bounded: a long or malformed name, or any
 * name after the first `maxNames` distinct ones, counts as `other`; no name is `anonymous`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxNames = 500,
    private readonly maxLength = 64,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (name.length > this.maxLength || !GRAPHQL_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.maxNames) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** Times one subgraph fetch: called at its start, the returned function at its end. */
export interface SubgraphFetchTimer {
  startFetch(service: string): (outcome: Outcome) => void;
  /** A fetch that could not connect to one instance of the service and went on to another. */
  failedOver(service: string): void;
}

/** The name of a parsed document's operation when it has just one (as Apollo would resolve it). */
function soleOperationName(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations?.length === 1 ? operations[0].name?.value : undefined;
}

function codeOf(error: object): string {
  const code = (error as { extensions?: Record<string, unknown> }).extensions?.code;
  return typeof code === 'string' && code ? code : 'UNKNOWN';
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (not prom-client's global one, so
 * two gateways in one process, as in tests, never share counts): requests and their duration by
 * operation and outcome, errors by code, subgraph fetches by service, and the process metrics.
 */
export class GatewayMetrics implements SubgraphFetchTimer {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();
  private readonly requests = new Counter({
    name: 'jiceng_gateway_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome (error: any error in the answer)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly requestDuration = new Histogram({
    name: 'jiceng_gateway_request_duration_seconds',
    help: 'Time from the start of a GraphQL request to its answer, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'jiceng_gateway_errors_total',
    help: 'Errors in the answers, by extensions.code, those answered before execution included',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly subgraphFetches = new Histogram({
    name: 'jiceng_gateway_subgraph_fetch_duration_seconds',
    help: 'Time of each subgraph fetch, by service and outcome (error: failed or answered errors)',
    labelNames: ['service', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly subgraphFailovers = new Counter({
    name: 'jiceng_gateway_subgraph_failovers_total',
    help: 'Subgraph fetches that could not connect to one instance and were sent to another, by service',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  startFetch(service: string): (outcome: Outcome) => void {
    const end = this.subgraphFetches.startTimer({ service });
    return (outcome) => end({ outcome });
  }

  failedOver(service: string): void {
    this.subgraphFailovers.inc({ service });
  }

  /** Counts every answer Apollo gives, including those it gives before (or instead of) running. */
  plugin(): ApolloServerPlugin<BaseContext> {
    const countErrors = (errors: readonly object[]) => {
      for (const error of errors) this.errors.inc({ code: codeOf(error) });
    };
    return {
      // No request pipeline runs for these, so requestDidStart never sees them: a bad token
      // (UNAUTHENTICATED from the context function) and a request that is no GraphQL request.
      contextCreationDidFail: async ({ error }) => countErrors([error]),
      invalidRequestWasReceived: async ({ error }) => countErrors([error]),
      requestDidStart: async () => {
        const endTimer = this.requestDuration.startTimer();
        return {
          // The answer's errors as the client gets them (after formatError), not the raw ones
          // didEncounterErrors sees: a masked internal error counts as INTERNAL_SERVER_ERROR.
          willSendResponse: async ({ response, request, operationName, document }) => {
            const errors: readonly GraphQLFormattedError[] =
              response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            // The resolved operation's name; when the document parsed but never resolved (it
            // failed validation), the name the client sent or the document's only operation's.
            const name = operationName ?? request.operationName ?? soleOperationName(document);
            const labels = {
              operation: this.operations.label(name),
              outcome: (errors.length ? 'error' : 'success') satisfies Outcome,
            };
            countErrors(errors);
            this.requests.inc(labels);
            endTimer(labels);
          },
        };
      },
    };
  }

  /** GET /metrics: the Prometheus text of the registry. */
  handler(): RequestHandler {
    return (_req, res, next) => {
      this.registry
        .metrics()
        .then((text) => res.type(this.registry.contentType).send(text))
        .catch(next);
    };
  }
}
