export * from './app-process';
export * from './graphql-client';
export * from './kafka-probe';
export * from './wait-for';
