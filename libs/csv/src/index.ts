export * from './csv-write';
export * from './csv-read';
