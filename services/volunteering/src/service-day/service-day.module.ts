import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { CommunityModule } from '../community/community.module';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { HelpTeamResolver } from './help-team.resolver';
import { HELP_TEAM_MODEL, helpTeamSchema } from './help-team.schema';
import { HelpTeamService } from './help-team.service';
import { ServiceDayProblemResolver, ServiceDayResolver } from './service-day.resolver';
import {
  SERVICE_DAY_MODEL,
  SERVICE_DAY_TALLY_MODEL,
  serviceDaySchema,
  serviceDayTallySchema,
} from './service-day.schema';
import { ServiceDayParties } from './service-day-parties';
import { ServiceDayStatsService } from './service-day-stats.service';
import { ServiceDayService } from './service-day.service';

const models = MongooseModule.forFeature([
  { name: SERVICE_DAY_MODEL, schema: serviceDaySchema },
  { name: SERVICE_DAY_TALLY_MODEL, schema: serviceDayTallySchema },
  { name: HELP_TEAM_MODEL, schema: helpTeamSchema },
]);
// One relay for the service days collection: the day's events and its volunteers' check-ins.
const outbox = OutboxModule.forModels(models, [SERVICE_DAY_MODEL]);

@Module({
  imports: [models, outbox, CommunityModule, ServiceRequestModule],
  providers: [
    HelpTeamService,
    HelpTeamResolver,
    ServiceDayService,
    ServiceDayParties,
    ServiceDayStatsService,
    ServiceDayResolver,
    ServiceDayProblemResolver,
  ],
  exports: [HelpTeamService, ServiceDayService],
})
export class ServiceDayModule {}
