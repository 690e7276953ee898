export * from './facet-pager';
export * from './org-access';
export * from './org-access.module';
export * from './org-list.loader';
