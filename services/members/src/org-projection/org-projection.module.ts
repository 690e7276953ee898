import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgNodeLoader } from './org-node.loader';
import { ORG_NODE_MODEL, orgNodeSchema } from './org-node.schema';
import { OrgProjectionConsumer } from './org-projection.consumer';
import { OrgProjectionService } from './org-projection.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: ORG_NODE_MODEL, schema: orgNodeSchema }])],
  providers: [OrgProjectionService, OrgNodeLoader, OrgProjectionConsumer],
  exports: [OrgProjectionService, OrgNodeLoader],
})
export class OrgProjectionModule {}
