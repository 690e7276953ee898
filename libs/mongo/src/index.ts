export * from './mongo.module';
export * from './mongo-options';
export * from './read-timeout';
export * from './duplicate-key';
