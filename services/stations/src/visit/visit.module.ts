import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { AccessModule } from '../access/access.module';
import { StationModule } from '../station/station.module';
import { WorkerModule } from '../worker/worker.module';
import { VISIT_COUNTER_MODEL, visitCounterSchema } from './visit-counter';
import { VisitStatsResolver, VisitStatsRowResolver } from './visit-stats.resolver';
import { VisitStatsService } from './visit-stats.service';
import { VisitResolver } from './visit.resolver';
import { VISIT_MODEL, visitSchema } from './visit.schema';
import { VisitService } from './visit.service';

const models = MongooseModule.forFeature([
  { name: VISIT_MODEL, schema: visitSchema },
  { name: VISIT_COUNTER_MODEL, schema: visitCounterSchema },
]);

@Module({
  imports: [
    models,
    OutboxModule.forModels(models, [VISIT_MODEL]),
    AccessModule,
    StationModule,
    WorkerModule,
  ],
  providers: [
    VisitService,
    VisitStatsService,
    VisitResolver,
    VisitStatsResolver,
    VisitStatsRowResolver,
  ],
})
export class VisitModule {}
