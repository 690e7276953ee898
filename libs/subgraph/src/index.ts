export * from './claims.middleware';
export * from './graphql-context';
export * from './subgraph-graphql.module';
export * from './health.controller';
export * from './bootstrap';
export * from './metrics.controller';
export * from './format-error';
export * from './read-timeout.middleware';
