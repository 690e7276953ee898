export * from './app-process';
export * from './graphql-client';
export * from './kafka-probe';
export * from './wait-for';
export * from './org-tree';
export * from './kafka-groups';
export * from './databases';
export * from './enum-sources';
