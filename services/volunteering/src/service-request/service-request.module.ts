import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { CommunityModule } from '../community/community.module';
import { WorkCalendarModule } from '../work-calendar/work-calendar.module';
import { ServiceRequestResolver } from './service-request.resolver';
import { SERVICE_REQUEST_MODEL, serviceRequestSchema } from './service-request.schema';
import { ServiceRequestService } from './service-request.service';

const models = MongooseModule.forFeature([
  { name: SERVICE_REQUEST_MODEL, schema: serviceRequestSchema },
]);
const outbox = OutboxModule.forModels(models, [SERVICE_REQUEST_MODEL]);

@Module({
  imports: [models, outbox, CommunityModule, WorkCalendarModule],
  providers: [ServiceRequestService, ServiceRequestResolver],
  exports: [ServiceRequestService],
})
export class ServiceRequestModule {}
