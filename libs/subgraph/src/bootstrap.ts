import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ArgumentValidationPipe } from '@jiceng/graphql';

export interface SubgraphOptions {
  name: string;
  defaultPort: number;
}

/** Creates a subgraph application with the platform's validation; listening is left to the caller. */
export async function createSubgraphApp(
  module: Type<unknown>,
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger });
  app.useGlobalPipes(new ArgumentValidationPipe());
  app.enableShutdownHooks();
  return app;
}

/** Starts a subgraph on HOST:PORT; keep-alive outlives the gateway's pooled connections. */
export async function bootstrapSubgraph(module: Type<unknown>, options: SubgraphOptions): Promise<INestApplication> {
  const app = await createSubgraphApp(module);
  const port = Number(process.env.PORT ?? options.defaultPort);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  new Logger(options.name).log(`subgraph ${options.name} ready at http://${host}:${port}/graphql`);
  return app;
}
