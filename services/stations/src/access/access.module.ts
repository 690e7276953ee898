import { Module } from '@nestjs/common';
import { OrgSubtrees } from './org-lists';
import { StationsAccess } from './stations-access';

/** Scope checks and subtree reads every feature uses (over the global organization projection). */
@Module({
  providers: [StationsAccess, OrgSubtrees],
  exports: [StationsAccess, OrgSubtrees],
})
export class AccessModule {}
