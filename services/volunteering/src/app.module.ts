import { Module } from '@nestjs/common';
import { KafkaModule } from '@jiceng/kafka';
import { MongoModule } from '@jiceng/mongo';
import { OrgProjectionModule, orgProjectionGroup } from '@jiceng/org-projection';
import { SubgraphGraphQLModule } from '@jiceng/subgraph';
import { CheckInModule } from './check-in/check-in.module';
import { ClaimModule } from './claim/claim.module';
import { HouseholdProblemModule } from './household-problem/household-problem.module';
import { MemberVolunteeringModule } from './member/member.module';
import { MemberProjectionModule } from './member-projection/member-projection.module';
import { MicroWishModule } from './micro-wish/micro-wish.module';
import { OrganizationVolunteeringModule } from './organization/organization.module';
import { ReviewModule } from './review/review.module';
import { ServiceDayModule } from './service-day/service-day.module';
import { ServiceRequestModule } from './service-request/service-request.module';
import { TaskModule } from './task/task.module';
import { WhistleModule } from './whistle/whistle.module';
import { WorkCalendarModule } from './work-calendar/work-calendar.module';
import { SERVICE_NAME } from './volunteering.env';

export { SERVICE_NAME };

@Module({
  imports: [
    MongoModule.forService(SERVICE_NAME),
    KafkaModule.forService(`jiceng-${SERVICE_NAME}`),
    SubgraphGraphQLModule.forSchema(__dirname),
    OrgProjectionModule.forRoot({ groupId: orgProjectionGroup(SERVICE_NAME) }),
    MemberProjectionModule,
    TaskModule,
    ClaimModule,
    CheckInModule,
    ReviewModule,
    MicroWishModule,
    WorkCalendarModule,
    ServiceRequestModule,
    ServiceDayModule,
    WhistleModule,
    HouseholdProblemModule,
    MemberVolunteeringModule,
    OrganizationVolunteeringModule,
  ],
})
export class AppModule {}
