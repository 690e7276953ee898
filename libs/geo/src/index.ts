export * from './regions/regions';
