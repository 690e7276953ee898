import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { OrganizationLoader } from './organization.loader';
import { OrganizationResolver } from './organization.resolver';
import { ORGANIZATION_MODEL, organizationSchema } from './organization.schema';
import { OrganizationService } from './organization.service';

const models = MongooseModule.forFeature([
  { name: ORGANIZATION_MODEL, schema: organizationSchema },
]);

@Module({
  imports: [models, OutboxModule.forModels(models, [ORGANIZATION_MODEL])],
  providers: [OrganizationService, OrganizationLoader, OrganizationResolver],
  exports: [OrganizationService, OrganizationLoader],
})
export class OrganizationModule {}
