import { join } from 'node:path';

export * from './errors';
export * from './validation';
export * from './pagination';
export * from './input-scalar';
export * from './date-time.scalar';
export * from './text';
export * from './request-loader';
export * from './http-body';
export * from './lng-lat.input';
export * from './list-of';

/** SDL shared by every subgraph (DateTime, PageInfo); add it to the subgraph's type paths. */
export const COMMON_SDL_PATH = join(__dirname, 'common.graphql');
export * from './ports';
