import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { OrganizationModule } from './organization/organization.module';
import { FirmModule } from './firm/firm.module';
import { ProjectModule } from './project/project.module';
import { PairingModule } from './pairing/pairing.module';
import { ServiceCenterModule } from './service-center/service-center.module';
import { StarRatingModule } from './star-rating/star-rating.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { SERVICE_NAME } from './organizations.env';

export { SERVICE_NAME };

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname),
    OrganizationModule,
    FirmModule,
    ProjectModule,
    PairingModule,
    ServiceCenterModule,
    StarRatingModule,
    AnalyticsModule,
  ],
})
export class AppModule {}
