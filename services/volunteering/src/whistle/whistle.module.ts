import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { ServiceRequestModule } from '../service-request/service-request.module';
import { WorkCalendarModule } from '../work-calendar/work-calendar.module';
import { WhistleAccess } from './whistle-access';
import { WhistleQueryService } from './whistle-query.service';
import { WhistleResolver, WhistleStatsResolver } from './whistle.resolver';
import {
  WHISTLE_MODEL,
  WHISTLE_TALLY_MODEL,
  whistleSchema,
  whistleTallySchema,
} from './whistle.schema';
import { WhistleService } from './whistle.service';
import { WhistleTallyConsumer } from './whistle-tally.consumer';

const models = MongooseModule.forFeature([
  { name: WHISTLE_MODEL, schema: whistleSchema },
  { name: WHISTLE_TALLY_MODEL, schema: whistleTallySchema },
]);
const outbox = OutboxModule.forModels(models, [WHISTLE_MODEL]);

@Module({
  imports: [models, outbox, ServiceRequestModule, WorkCalendarModule],
  providers: [
    WhistleAccess,
    WhistleService,
    WhistleQueryService,
    WhistleResolver,
    WhistleStatsResolver,
    WhistleTallyConsumer,
  ],
  exports: [WhistleQueryService],
})
export class WhistleModule {}
