import { Module } from '@nestjs/common';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { HouseholdProblemConsumer } from './household-problem.consumer';

/** 党员联系户's problems (members' visits) opened as service requests. */
@Module({
  imports: [ServiceRequestModule],
  providers: [HouseholdProblemConsumer],
})
export class HouseholdProblemModule {}
