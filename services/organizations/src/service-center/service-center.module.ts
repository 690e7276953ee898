import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrganizationModule } from '../organization/organization.module';
import {
  OrganizationServiceCenterResolver,
  ServiceCenterResolver,
} from './service-center.resolver';
import { SERVICE_CENTER_MODEL, serviceCenterSchema } from './service-center.schema';
import { ServiceCenterService } from './service-center.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: SERVICE_CENTER_MODEL, schema: serviceCenterSchema }]),
    OrganizationModule,
  ],
  providers: [ServiceCenterService, ServiceCenterResolver, OrganizationServiceCenterResolver],
})
export class ServiceCenterModule {}
