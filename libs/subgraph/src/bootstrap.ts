import 'reflect-metadata';
import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ArgumentValidationPipe,
  DEFAULT_PORTS,
  jsonBody,
  SUBGRAPH_BODY_LIMIT_BYTES,
  type SubgraphName,
} from '@jiceng/graphql';

export interface SubgraphOptions {
  /** Also picks the default port (DEFAULT_PORTS) when PORT is not set. */
  name: SubgraphName;
}

/** Starts a subgraph on HOST:PORT with the platform's argument validation. */
export async function bootstrapSubgraph(
  module: Type<unknown>,
  options: SubgraphOptions,
): Promise<void> {
  // Nest's own body parser has a 100 KB limit (below what the gateway forwards) and answers its
  // errors in Nest's format; this one has the platform's limit and GraphQL-shaped errors.
  const app = await NestFactory.create(module, {
    logger: ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.use(...jsonBody(SUBGRAPH_BODY_LIMIT_BYTES));
  app.useGlobalPipes(new ArgumentValidationPipe());
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? DEFAULT_PORTS[options.name]);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  // Outlive the gateway's pooled keep-alive connections, so it never writes to a closed socket.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  new Logger(options.name).log(`subgraph ${options.name} ready at http://${host}:${port}/graphql`);
}
