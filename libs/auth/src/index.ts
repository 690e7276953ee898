export * from './claims';
export * from './jwt';
export * from './signed-claims';
export * from './org-scope';
export * from './secrets';
