import 'reflect-metadata';
import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readSettings, SettingsError, type Settings } from '@jiceng/config';
import { startTracing } from '@jiceng/telemetry';
import {
  ArgumentValidationPipe,
  jsonBody,
  SUBGRAPH_BODY_LIMIT_BYTES,
  type SubgraphName,
} from '@jiceng/graphql';
import { JsonLogger } from './json-logger';
import { closeConnectionsOnShutdown } from './shutdown-connections';
import { subgraphSettings } from './subgraph-settings';

export interface SubgraphOptions {
  /** Also picks the default port (DEFAULT_PORTS) when PORT is not set. */
  name: SubgraphName;
  /** The service's own settings (`src/<service>.env.ts`), checked with the shared ones at start. */
  settings?: Settings;
}

/**
 * Every setting of the service, shared and its own; a bad one stops the process before it opens
 * a connection, with every problem named.
 */
function checkedSettings(options: SubgraphOptions) {
  const shared = subgraphSettings(options.name);
  const own = Object.entries(options.settings ?? {}).map(([key, setting]) => [
    `own.${key}`,
    setting,
  ]);
  try {
    readSettings({ ...Object.fromEntries(own), ...shared });
    return readSettings(shared);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    new Logger(options.name).error(error.message);
    process.exit(1);
  }
}

/** Starts a subgraph on HOST:PORT with the platform's argument validation. */
export async function bootstrapSubgraph(
  // Loaded only once the settings are known good: modules read settings as they are declared.
  loadModule: () => Promise<Type<unknown>>,
  options: SubgraphOptions,
): Promise<void> {
  const { port, host, logFormat } = checkedSettings(options);
  // Before the modules load: the HTTP instrumentation patches what they will use.
  await startTracing(options.name);
  const module = await loadModule();
  // Nest's own body parser has a 100 KB limit (below what the gateway forwards) and answers its
  // errors in Nest's format; this one has the platform's limit and GraphQL-shaped errors.
  const app = await NestFactory.create(module, {
    logger: new JsonLogger(options.name, logFormat),
    bodyParser: false,
  });
  app.use(...jsonBody(SUBGRAPH_BODY_LIMIT_BYTES));
  app.useGlobalPipes(new ArgumentValidationPipe());
  app.enableShutdownHooks();
  await app.listen(port, host);
  // Outlive the gateway's pooled keep-alive connections, so it never writes to a closed socket.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // On SIGTERM Nest stops listening, finishes the requests in flight, then closes the databases;
  // their answers close their connections, so no next request is sent on one that is closing.
  closeConnectionsOnShutdown(server);
  new Logger(options.name).log(`subgraph ${options.name} ready at http://${host}:${port}/graphql`);
}
