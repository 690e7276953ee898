import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { OrganizationModule } from './organization/organization.module';

export const SERVICE_NAME = 'organizations';

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname),
    OrganizationModule,
  ],
})
export class AppModule {}
