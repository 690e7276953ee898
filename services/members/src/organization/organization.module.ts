import { Module } from '@nestjs/common';
import { DoubleReportModule } from '../double-report/double-report.module';
import { FloatingModule } from '../floating/floating.module';
import { MemberModule } from '../member/member.module';
import { TransferModule } from '../transfer/transfer.module';
import { OrganizationMembersResolver } from './organization.resolver';

@Module({
  imports: [MemberModule, FloatingModule, DoubleReportModule, TransferModule],
  providers: [OrganizationMembersResolver],
})
export class OrganizationMembersModule {}
