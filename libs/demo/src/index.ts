export * from './demo-kit';
export * from './insert-missing';
export * from './demo-cast';
export * from './chinese-numerals';
export * from './xiongan-projects';
export * from './grid-governance';
