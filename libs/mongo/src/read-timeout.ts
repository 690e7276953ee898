import { AsyncLocalStorage } from 'node:async_hooks';
import type { Aggregate, Query, Schema } from 'mongoose';

const requestScope = new AsyncLocalStorage<{ maxTimeMS: number }>();

/**
 * Runs `fn` (a request's handling) so that every read it starts, however deep in its promise
 * chain, gets `maxTimeMS` unless the query sets its own. Work outside such a scope (consumers,
 * outbox scans, demo loaders, projection rebuilds, replay) keeps reading without a limit: it
 * must finish, and nobody waits on it the way a client waits on a request.
 */
export function withReadTimeout<T>(maxTimeMS: number, fn: () => T): T {
  return requestScope.run({ maxTimeMS }, fn);
}

// Every mongoose read that can scan; writes are never cut half-way by a read limit.
const QUERY_READS = [
  'find',
  'findOne',
  'countDocuments',
  'estimatedDocumentCount',
  'distinct',
] as const;

/**
 * Mongoose plugin (MongoModule registers it on the service's connection): inside
 * `withReadTimeout`, a read without its own `maxTimeMS` gets the scope's. The server then stops a
 * scan at the deadline with MaxTimeMSExpired (see `isReadTimeoutError`) instead of holding a
 * pooled connection and the caller for as long as the scan takes.
 */
export function readTimeoutPlugin(schema: Schema): void {
  schema.pre([...QUERY_READS], function (this: Query<unknown, unknown>) {
    const limit = requestScope.getStore()?.maxTimeMS;
    if (limit !== undefined && this.getOptions().maxTimeMS === undefined) this.maxTimeMS(limit);
  });
  schema.pre('aggregate', function (this: Aggregate<unknown>) {
    const limit = requestScope.getStore()?.maxTimeMS;
    if (limit !== undefined && this.options.maxTimeMS === undefined) {
      this.option({ maxTimeMS: limit });
    }
  });
}

const MAX_TIME_MS_EXPIRED = 50;

/**
 * True when MongoDB stopped an operation at its `maxTimeMS`: error code 50, `MaxTimeMSExpired`
 * (a `MongoServerError`, also on the `getMore` of a cursor).
 */
export function isReadTimeoutError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, codeName } = error as { code?: unknown; codeName?: unknown };
  return code === MAX_TIME_MS_EXPIRED || codeName === 'MaxTimeMSExpired';
}
