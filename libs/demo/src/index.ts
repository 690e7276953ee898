export * from './demo-kit';
export * from './insert-missing';
