export * from './clock';
export * from './period';
export * from './validate';
export * from './official-days';
export * from './working-days';
export * from './opening-hours';
export * from './weekday';
