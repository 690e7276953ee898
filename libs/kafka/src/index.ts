export * from './kafka-client';
export * from './topic-admin';
export * from './event-producer';
export * from './message-processor';
export * from './batch-processor';
export * from './idempotent-consumer';
export * from './nest/kafka.module';
export * from './nest/lifecycle-consumer';
