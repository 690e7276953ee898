export * from './outbox-record';
export * from './outbox-relay';
export * from './mongo-outbox-store';
export * from './kafka-outbox-publisher';
export * from './nest/outbox.module';
export * from './publish-pending';
