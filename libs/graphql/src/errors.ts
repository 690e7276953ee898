import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes clients can rely on; every feature maps its failures onto these. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /**
   * The request (a read, or a subgraph the gateway called) was stopped at its time limit; from
   * the gateway's own limit, `extensions.service` names the subgraph.
   */
  TIMEOUT: 'TIMEOUT',
  /** A service the gateway calls could not be reached; `extensions.service` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A client held to a safelist (SAFELIST_CLIENTS) sent an operation not in it; HTTP 403. */
  OPERATION_NOT_IN_SAFELIST: 'OPERATION_NOT_IN_SAFELIST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  /** Path of the offending input field, e.g. `input.regionCode`. */
  field: string;
  message: string;
}

export function badUserInput(fields: FieldError[], message?: string): GraphQLError {
  const summary =
    message ?? `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
  return new GraphQLError(summary, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} was not found`, {
    extensions: { code: ErrorCode.NOT_FOUND },
  });
}

export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function timedOut(
  message = 'The read took too long and was stopped; narrow the query (a smaller subtree, a shorter period or fewer items) and try again',
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.TIMEOUT } });
}

// Codes whose messages were written for clients (ours and graphql-js/Apollo request errors).
const CLIENT_SAFE_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's own request errors that carry no code but a 4xx status (an APQ hash that is not its
 * text's, an unsupported APQ version): their messages were written for clients, and they are the
 * client's fault, not an internal error.
 */
function isCodelessRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/**
 * Apollo `formatError`: known client errors keep their message and code, without stack traces;
 * anything else becomes a generic INTERNAL_SERVER_ERROR and is logged on the server.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (e: unknown) => void = console.error,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (isCodelessRequestError(error)) {
    return { ...formatted, extensions: { code: 'BAD_REQUEST' } };
  }
  if (CLIENT_SAFE_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log(error);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
