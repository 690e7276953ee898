import { Module } from '@nestjs/common';
import { OrgAccess } from './org-access';

/** OrgAccess over the global OrgProjectionModule, for a service with no rules of its own. */
@Module({ providers: [OrgAccess], exports: [OrgAccess] })
export class OrgAccessModule {}
