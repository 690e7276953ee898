import { Module } from '@nestjs/common';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { CreditCoreModule, SERVICE_NAME } from './credit-core.module';

export { SERVICE_NAME };

@Module({
  imports: [CreditCoreModule, SubgraphGraphQLModule.forSchema(__dirname)],
})
export class AppModule {}
