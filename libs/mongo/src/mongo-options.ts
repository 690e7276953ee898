import type { ConnectOptions } from 'mongoose';
import { readSettings, text, wholeNumber } from '@jiceng/config';

export const MONGO_SETTINGS = {
  url: text('MONGO_URL', 'mongodb://127.0.0.1:27017', 'the MongoDB deployment'),
  // Far above any read a request should make (the analyst queries answer in well under a
  // second from the read models, BENCHMARKS.md), with room for a loaded two-core machine; far
  // below the minute a stalled request used to hang.
  readTimeoutMs: wholeNumber(
    'MONGO_READ_TIMEOUT_MS',
    30_000,
    { min: 1 },
    '`maxTimeMS` of each read made while serving a GraphQL request',
  ),
  maxPoolSize: wholeNumber('MONGO_MAX_POOL_SIZE', 20, { min: 1 }, 'connections per process'),
};

/** MONGO_DB: the service's database, `jiceng_<service>` unless a test or deployment names one. */
export const mongoDatabaseSetting = (service: string) =>
  text('MONGO_DB', `jiceng_${service}`, 'the database of this service');

export function mongoUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return readSettings({ url: MONGO_SETTINGS.url }, env).url;
}

/** The two settings a deployment tunes; every other driver setting follows from them. */
export interface MongoSettings {
  /** MONGO_READ_TIMEOUT_MS: `maxTimeMS` of each read made while serving a GraphQL request. */
  readTimeoutMs: number;
  /** MONGO_MAX_POOL_SIZE: connections per service process. */
  maxPoolSize: number;
}

export function mongoSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MongoSettings {
  const { readTimeoutMs, maxPoolSize } = MONGO_SETTINGS;
  return readSettings({ readTimeoutMs, maxPoolSize }, env);
}

/**
 * Pool and server-selection settings, reasoned from how driver 7 behaves:
 * - each server has a monitor on its own connection, polling `hello` (the local server offers
 *   no streaming hello). A `hello` unanswered within `connectTimeoutMS` marks the server unknown
 *   and clears the pool, interrupting every in-use connection: one slow scan on a busy server
 *   then failed unrelated reads. Reads are cut at the read timeout, so a monitor that waits
 *   longer than that is never timed out by one of them.
 * - an operation holds one pooled connection while it runs (a cursor, per batch); beyond
 *   `maxPoolSize` operations wait in the pool's queue.
 */
export function mongoClientOptions(settings: MongoSettings): ConnectOptions {
  const { readTimeoutMs, maxPoolSize } = settings;
  return {
    // The driver's 100 per process, six services, and a server that runs each connection on its
    // own thread: hundreds of scans would share two cores and none would finish. 20 covers a
    // request's parallel batched reads, the consumers and the outbox relays of one service.
    maxPoolSize,
    // Kept open (and reopened in the background after a pool clear), so a request after a quiet
    // spell or a server blip does not wait for connection handshakes.
    minPoolSize: Math.min(2, maxPoolSize),
    // Polling interval of the monitor when all is well. Operations that find no usable server
    // ask for a check at once (then every 500 ms), so a shorter interval would only add hellos
    // to a busy server; 10 s bounds how late an idle service notices a restart.
    heartbeatFrequencyMS: 10_000,
    // The monitor's hello timeout (and that of opening a connection): longer than a read may
    // run, so a hello queued behind one cut read on a busy server still comes back in time.
    connectTimeoutMS: readTimeoutMs + 10_000,
    // While the server is unknown (restarting, unreachable) an operation waits this long for it,
    // then fails with an error: long enough for a few checks to find it again, well inside the
    // gateway's subgraph timeout so the client gets an answer, not a hang.
    serverSelectionTimeoutMS: 10_000,
    // The backstop for a server that stopped answering: the connection is closed and the
    // operation fails instead of holding its pooled connection forever. It must exceed the
    // read timeout, so that a cut read comes back as the server's MaxTimeMSExpired (a TIMEOUT
    // for the client), and every write or background read (consumers, outbox scans, projection
    // rewrites: seconds on the local server) that runs without a limit.
    socketTimeoutMS: Math.max(120_000, 2 * readTimeoutMs),
    // With every connection busy, an operation waits at most this long for one, then fails:
    // queued reads would otherwise run long after their clients gave up, adding to the load
    // that filled the pool. As patient as server selection.
    waitQueueTimeoutMS: 10_000,
  };
}
