import { Module } from '@nestjs/common';
import { StationsAccess } from './stations-access';

/** Scope checks and subtree reads every feature uses (OrgAccess over the global projection). */
@Module({
  providers: [StationsAccess],
  exports: [StationsAccess],
})
export class AccessModule {}
