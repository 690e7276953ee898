import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { OrgProjectionModule, orgProjectionGroup } from '@jiceng/org-projection';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { DoubleReportModule } from './double-report/double-report.module';
import { FloatingModule } from './floating/floating.module';
import { HouseholdContactsModule } from './household-contacts/household-contacts.module';
import { MemberStatsModule } from './member-stats/member-stats.module';
import { MemberModule } from './member/member.module';
import { OrganizationMembersModule } from './organization/organization.module';
import { OrganizationalLifeModule } from './organizational-life/organizational-life.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { TransferModule } from './transfer/transfer.module';
import { SERVICE_NAME } from './members.env';

export { SERVICE_NAME };

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname),
    OrgProjectionModule.forRoot({ groupId: orgProjectionGroup(SERVICE_NAME) }),
    PersonalDataModule,
    MemberModule,
    FloatingModule,
    DoubleReportModule,
    TransferModule,
    MemberStatsModule,
    OrganizationMembersModule,
    OrganizationalLifeModule,
    HouseholdContactsModule,
  ],
})
export class AppModule {}
