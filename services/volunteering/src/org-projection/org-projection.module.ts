import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CommunityAccess } from './community-access';
import {
  ORG_AWAITED_PARENT_MODEL,
  ORG_NODE_MODEL,
  awaitedParentSchema,
  orgNodeSchema,
} from './org-node.schema';
import { OrgProjectionConsumer } from './org-projection.consumer';
import { OrgProjectionService } from './org-projection.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ORG_NODE_MODEL, schema: orgNodeSchema },
      { name: ORG_AWAITED_PARENT_MODEL, schema: awaitedParentSchema },
    ]),
  ],
  providers: [OrgProjectionService, OrgProjectionConsumer, CommunityAccess],
  exports: [OrgProjectionService, CommunityAccess],
})
export class OrgProjectionModule {}
