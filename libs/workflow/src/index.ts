export * from './steps';
export * from './transition';
