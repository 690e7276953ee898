import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MEMBER_NODE_MODEL, memberNodeSchema } from './member-node.schema';
import { MemberProjectionConsumer } from './member-projection.consumer';
import { MemberProjectionService } from './member-projection.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: MEMBER_NODE_MODEL, schema: memberNodeSchema }])],
  providers: [MemberProjectionService, MemberProjectionConsumer],
  exports: [MemberProjectionService],
})
export class MemberProjectionModule {}
