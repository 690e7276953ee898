export * from './org-node.schema';
export * from './org-node.loader';
export * from './org-projection.module';
export * from './org-projection.service';
export { rewritePaths } from './path-rewrite';
