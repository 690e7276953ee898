import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { OrgProjectionModule, orgProjectionGroup } from '@jiceng/org-projection';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { CommitmentSheetModule } from './commitment-sheet/commitment-sheet.module';
import { ContestModule } from './contest/contest.module';
import { FundModule } from './fund/fund.module';
import { OrganizationRuralModule } from './organization/organization.module';
import { PairingModule } from './pairing/pairing.module';
import { ProjectModule } from './project/project.module';
import { SERVICE_NAME } from './rural.env';
import { RuralStatsModule } from './rural-stats/rural-stats.module';
import { SecretaryProjectModule } from './secretary-project/secretary-project.module';
import { FenScalar } from './validation/fen';

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname, { Fen: FenScalar }),
    OrgProjectionModule.forRoot({ groupId: orgProjectionGroup(SERVICE_NAME) }),
    PairingModule,
    ProjectModule,
    SecretaryProjectModule,
    CommitmentSheetModule,
    ContestModule,
    FundModule,
    RuralStatsModule,
    OrganizationRuralModule,
  ],
})
export class AppModule {}
