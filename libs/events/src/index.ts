export * from './topics';
export * from './envelope';
export * from './organizations/lifecycle.v1';
