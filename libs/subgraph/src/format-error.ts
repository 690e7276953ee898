import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { maskError, timedOut } from '@jiceng/graphql';
import { isReadTimeoutError } from '@jiceng/mongo';

/**
 * The `formatError` of every subgraph: a read MongoDB stopped at its `maxTimeMS` becomes a
 * TIMEOUT the client can act on (narrow the query); everything else goes through `maskError`.
 */
export function formatSubgraphError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (message: string) => void = console.warn,
): GraphQLFormattedError {
  if (isReadTimeoutError(unwrapResolverError(error))) {
    // Which field's read ran out of time is what an operator tunes indexes or limits by.
    log(`read stopped at its time limit in ${formatted.path?.join('.') ?? 'the operation'}`);
    const timeout = timedOut();
    return {
      message: timeout.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: timeout.extensions,
    };
  }
  return maskError(formatted, error);
}
