import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { MemberLoader } from './member.loader';
import { MemberPaths } from './member-paths';
import { MemberResolver } from './member.resolver';
import { MEMBER_MODEL, memberSchema } from './member.schema';
import { MemberService } from './member.service';
import { MemberWriter } from './member.writer';

const models = MongooseModule.forFeature([{ name: MEMBER_MODEL, schema: memberSchema }]);

@Module({
  imports: [models, OutboxModule.forModels(models, [MEMBER_MODEL])],
  providers: [MemberService, MemberWriter, MemberLoader, MemberPaths, MemberResolver],
  exports: [models, MemberService, MemberWriter, MemberLoader],
})
export class MemberModule {}
