import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';

/** The largest request body a client may send the gateway. */
export const GATEWAY_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The largest request body a subgraph accepts: above the gateway's, because a subgraph fetch
 * carries the client's variables inside the gateway's own wrapping (the rewritten operation,
 * entity representations). So whatever the gateway accepts, no subgraph refuses for its size.
 */
export const SUBGRAPH_BODY_LIMIT_BYTES = 2 * GATEWAY_BODY_LIMIT_BYTES;

export interface HttpErrorAnswer {
  status: number;
  body: { errors: GraphQLFormattedError[] };
}

const answer = (status: number, code: string, message: string): HttpErrorAnswer => ({
  status,
  body: { errors: [{ message, extensions: { code } }] },
});

/**
 * What a client is told about an error raised before GraphQL runs (reading the body, a route
 * that does not exist): a GraphQL-shaped answer with a code, never the error's own message or
 * stack, which name server paths. body-parser's errors carry a `type` and a `status`.
 */
export function httpErrorAnswer(error: unknown, limitBytes: number): HttpErrorAnswer {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.too.large':
      return answer(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body exceeds the limit of ${Math.floor(limitBytes / 1024)} KB`,
      );
    case 'entity.parse.failed':
      return answer(400, 'BAD_REQUEST', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return answer(400, 'BAD_REQUEST', 'The request body could not be read');
  }
  if (typeof status === 'number' && status >= 400 && status < 500)
    return answer(status, 'BAD_REQUEST', 'The request could not be read');
  return answer(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

/**
 * The JSON body parser with its error answer: the parser, then an error handler for what it
 * raises, so Express's default HTML error page (with a stack trace) never reaches a client.
 */
export function jsonBody(limitBytes: number): [RequestHandler, ErrorRequestHandler] {
  return [express.json({ limit: limitBytes }), jsonErrorHandler(limitBytes)];
}

/** An Express error handler answering GraphQL-shaped JSON; unexpected errors are logged. */
export function jsonErrorHandler(
  limitBytes: number,
  log: (error: unknown) => void = console.error,
): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body } = httpErrorAnswer(error, limitBytes);
    if (status >= 500) log(error);
    res.status(status).json(body);
  };
}
