import { Module } from '@nestjs/common';
import { CommunityAccess } from './community-access';

@Module({ providers: [CommunityAccess], exports: [CommunityAccess] })
export class CommunityModule {}
