import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgProjectionModule } from '../org-projection/org-projection.module';
import { WorkCalendarModule } from '../work-calendar/work-calendar.module';
import { ServiceRequestResolver } from './service-request.resolver';
import { SERVICE_REQUEST_MODEL, serviceRequestSchema } from './service-request.schema';
import { ServiceRequestService } from './service-request.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: SERVICE_REQUEST_MODEL, schema: serviceRequestSchema }]),
    OrgProjectionModule,
    WorkCalendarModule,
  ],
  providers: [ServiceRequestService, ServiceRequestResolver],
  exports: [ServiceRequestService],
})
export class ServiceRequestModule {}
