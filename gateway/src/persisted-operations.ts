// Persisted operations for the front ends: automatic persisted queries (APQ) in a cache of
// bounded size, and, when configured, a safelist that named clients are held to.
//
// The safelist is the manifest Apollo's tooling writes from a front end's sources
// (`@apollo/generate-persisted-query-manifest`): `{ format: "apollo-persisted-query-manifest",
// version: 1, operations: [{ id, name, type, body }] }`, `id` being the SHA-256 of `body`. Its
// operations are answered by hash without registration, for every client; a client whose
// `apollographql-client-name` is in SAFELIST_CLIENTS may run nothing else. Other callers — the
// analysts' ad-hoc queries — stay free, under the operation limits. The client name is a label,
// not an identity: the bearer token still decides what a caller may read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@jiceng/graphql';

/** The header Apollo's clients send their name in. */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

export interface SafelistedOperation {
  id: string;
  name: string;
  body: string;
}

export interface Safelist {
  /** The operations by the SHA-256 (hex) of their text. */
  operations: ReadonlyMap<string, SafelistedOperation>;
  /** The client names held to it. */
  clients: ReadonlySet<string>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads and checks a manifest: a wrong format, a missing field or an id that is not its body's
 * hash stops the gateway at start, naming the entry, rather than refusing the client later.
 */
export function parseSafelist(
  json: string,
  clients: readonly string[],
  source = 'safelist',
): Safelist {
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  const m = manifest as { format?: unknown; version?: unknown; operations?: unknown };
  if (m?.format !== 'apollo-persisted-query-manifest' || m.version !== 1) {
    throw new Error(`${source}: expected format "apollo-persisted-query-manifest", version 1`);
  }
  if (!Array.isArray(m.operations)) throw new Error(`${source}: operations must be a list`);
  if (clients.length === 0) {
    throw new Error(`${source}: SAFELIST_CLIENTS must name the clients held to the safelist`);
  }
  const operations = new Map<string, SafelistedOperation>();
  m.operations.forEach((entry: unknown, index: number) => {
    const op = entry as { id?: unknown; name?: unknown; body?: unknown };
    const where = `${source}: operations[${index}]`;
    if (typeof op?.body !== 'string' || op.body.trim() === '') {
      throw new Error(`${where}: body must be the operation's text`);
    }
    if (typeof op.id !== 'string' || op.id !== sha256(op.body)) {
      throw new Error(`${where}: id must be the SHA-256 (hex) of body`);
    }
    operations.set(op.id, {
      id: op.id,
      name: typeof op.name === 'string' ? op.name : '',
      body: op.body,
    });
  });
  return { operations, clients: new Set(clients) };
}

export function loadSafelist(path: string, clients: readonly string[]): Safelist {
  return parseSafelist(readFileSync(path, 'utf8'), clients, path);
}

/** What Apollo Server's `persistedQueries.cache` is given: its own KeyValueCache shape. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, query: string): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

// Apollo Server keys APQ texts as `apq:<sha256>` (APQ_CACHE_PREFIX of its request pipeline).
const APQ_KEY_PREFIX = 'apq:';

/**
 * The APQ store: the safelist's operations first (never evicted, never registered again), then
 * the texts clients registered, least recently used first out once they pass `maxBytes`, so
 * that clients registering ever-new texts cannot grow the gateway's memory.
 */
export function persistedQueryStore(
  maxBytes: number,
  safelist: Safelist | undefined,
): PersistedQueryStore {
  const registered = new Map<string, string>();
  let bytes = 0;
  const hashOf = (key: string) =>
    key.startsWith(APQ_KEY_PREFIX) ? key.slice(APQ_KEY_PREFIX.length) : key;
  const remove = (hash: string): boolean => {
    const query = registered.get(hash);
    if (query === undefined) return false;
    registered.delete(hash);
    bytes -= Buffer.byteLength(query);
    return true;
  };
  return {
    async get(key) {
      const hash = hashOf(key);
      const listed = safelist?.operations.get(hash);
      if (listed) return listed.body;
      const query = registered.get(hash);
      if (query !== undefined) {
        // A Map iterates in insertion order: re-inserting makes it the most recently used.
        registered.delete(hash);
        registered.set(hash, query);
      }
      return query;
    },
    async set(key, query) {
      const hash = hashOf(key);
      const size = Buffer.byteLength(query);
      if (safelist?.operations.has(hash) || size > maxBytes) return;
      remove(hash);
      registered.set(hash, query);
      bytes += size;
      for (const oldest of registered.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key) {
      return remove(hashOf(key));
    },
  };
}

export function notInSafelist(client: string): GraphQLError {
  return new GraphQLError(
    `Client ${client} may run only its persisted operations; this one is not in the safelist`,
    { extensions: { code: ErrorCode.OPERATION_NOT_IN_SAFELIST, http: { status: 403 } } },
  );
}

/**
 * Holds the safelisted clients to their operations, by the hash Apollo computed of the text. The
 * check runs once the operation is resolved, after parsing and validation (bounded by the
 * operation limits): Apollo answers a plugin's error with its code and status only from that
 * hook on, and registers an APQ text only after it, so a refused text is never registered.
 */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const client = request.http?.headers.get(CLIENT_NAME_HEADER) ?? '';
      if (!safelist.clients.has(client)) return;
      return {
        async didResolveOperation({ queryHash }) {
          if (!safelist.operations.has(queryHash)) throw notInSafelist(client);
        },
      };
    },
  };
}
