import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { OrgProjectionModule, orgProjectionGroup } from '@jiceng/org-projection';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { OrganizationStationsModule } from './organization/organization.module';
import { StationModule } from './station/station.module';
import { FlagVehicleModule } from './vehicle/vehicle.module';
import { VisitModule } from './visit/visit.module';
import { WorkerModule } from './worker/worker.module';
import { SERVICE_NAME } from './stations.env';

export { SERVICE_NAME };

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname),
    OrgProjectionModule.forRoot({ groupId: orgProjectionGroup(SERVICE_NAME) }),
    StationModule,
    WorkerModule,
    VisitModule,
    FlagVehicleModule,
    OrganizationStationsModule,
  ],
})
export class AppModule {}
