export * from './regions/regions';
export * from './sphere/points';
export * from './sphere/sphere';
