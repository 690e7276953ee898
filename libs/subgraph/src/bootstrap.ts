import 'reflect-metadata';
import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ArgumentValidationPipe } from '@jiceng/graphql';

export interface SubgraphOptions {
  name: string;
  defaultPort: number;
}

/** Starts a subgraph on HOST:PORT with the platform's argument validation. */
export async function bootstrapSubgraph(
  module: Type<unknown>,
  options: SubgraphOptions,
): Promise<void> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn', 'log'] });
  app.useGlobalPipes(new ArgumentValidationPipe());
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? options.defaultPort);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  // Outlive the gateway's pooled keep-alive connections, so it never writes to a closed socket.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  new Logger(options.name).log(`subgraph ${options.name} ready at http://${host}:${port}/graphql`);
}
