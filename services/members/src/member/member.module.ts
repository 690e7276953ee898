import { Module } from '@nestjs/common';
import { OrgAccessModule } from '@jiceng/org-access';
import { OutboxModule } from '@jiceng/outbox';
import { ReadModelModule } from '../read-model/read-model.module';
import { RevealAuditModule } from '../reveal-audit/reveal-audit.module';
import { MemberLoader } from './member.loader';
import { memberModels } from './member.models';
import { MemberPaths } from './member-paths';
import { MemberResolver } from './member.resolver';
import { MEMBER_MODEL } from './member.schema';
import { MemberService } from './member.service';
import { MemberWriter } from './member.writer';

@Module({
  imports: [
    memberModels,
    OutboxModule.forModels(memberModels, [MEMBER_MODEL]),
    ReadModelModule,
    OrgAccessModule,
    RevealAuditModule,
  ],
  providers: [MemberService, MemberWriter, MemberLoader, MemberPaths, MemberResolver],
  exports: [
    memberModels,
    ReadModelModule,
    OrgAccessModule,
    MemberService,
    MemberWriter,
    MemberLoader,
  ],
})
export class MemberModule {}
