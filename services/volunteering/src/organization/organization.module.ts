import { Module } from '@nestjs/common';
import { MicroWishModule } from '../micro-wish/micro-wish.module';
import { ServiceDayModule } from '../service-day/service-day.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { TaskModule } from '../task/task.module';
import { WhistleModule } from '../whistle/whistle.module';
import { OrganizationVolunteeringResolver } from './organization.resolver';

@Module({
  imports: [TaskModule, MicroWishModule, ServiceRequestModule, ServiceDayModule, WhistleModule],
  providers: [OrganizationVolunteeringResolver],
})
export class OrganizationVolunteeringModule {}
