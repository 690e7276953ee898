export * from './claims';
export * from './hmac-key';
export * from './jwt';
export * from './signed-claims';
export * from './org-scope';
export * from './secrets';
export * from './lookup';
export * from './identity';
