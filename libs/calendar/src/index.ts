export * from './clock';
export * from './period';
export * from './validate';
