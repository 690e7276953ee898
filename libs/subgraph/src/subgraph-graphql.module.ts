import { join } from 'node:path';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLScalarType } from 'graphql';
import { COMMON_SDL_PATH, DateTimeScalar } from '@jiceng/graphql';
import { graphqlOperationSpanPlugin } from '@jiceng/telemetry';
import { ClaimsMiddleware } from './claims.middleware';
import { ClientErrorFilter } from './client-error.filter';
import { formatSubgraphError } from './format-error';
import { buildContext } from './graphql-context';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ReadTimeoutMiddleware } from './read-timeout.middleware';
import { SubgraphMetrics } from './subgraph-metrics';

export const GRAPHQL_PATH = '/graphql';

@Module({})
export class SubgraphGraphQLModule implements NestModule {
  /**
   * A Federation 2 subgraph from the SDL files under `schemaDir`, behind signed-claims checks.
   * `scalars` are the subgraph's own custom scalars, made with `inputScalar` from @jiceng/graphql
   * so that a bad value is BAD_USER_INPUT naming the field, like a bad DateTime.
   */
  static forSchema(
    schemaDir: string,
    scalars: Record<string, GraphQLScalarType> = {},
  ): DynamicModule {
    return {
      module: SubgraphGraphQLModule,
      controllers: [HealthController, MetricsController],
      providers: [{ provide: APP_FILTER, useClass: ClientErrorFilter }, SubgraphMetrics],
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          path: GRAPHQL_PATH,
          typePaths: [COMMON_SDL_PATH, join(schemaDir, '**/*.graphql')],
          resolvers: { DateTime: DateTimeScalar, ...scalars },
          context: buildContext,
          formatError: (formatted, error) => formatSubgraphError(formatted, error),
          includeStacktraceInErrorResponses: false,
          plugins: [graphqlOperationSpanPlugin()],
          // Subgraphs are reached only through the gateway, which owns the explorer.
          playground: false,
          introspection: true,
        }),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ClaimsMiddleware, ReadTimeoutMiddleware).forRoutes(GRAPHQL_PATH);
  }
}
