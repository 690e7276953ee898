import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { STATION_SERVICE_LABELS } from '../station/station.enums';
import { StationLoader } from '../station/station.loaders';
import { WORKER_KIND_LABELS } from '../worker/worker.enums';
import { VisitStatsArgs } from './dto/visit.inputs';
import type { VisitStatsRow } from './visit-stats';
import { VisitStatsService } from './visit-stats.service';

@Resolver('StationVisitStats')
export class VisitStatsResolver {
  constructor(private readonly stats: VisitStatsService) {}

  @Query('stationVisitStats')
  stationVisitStats(@Args() args: VisitStatsArgs, @Context() ctx: GraphQLContext) {
    return this.stats.stats(ctx.claims, args);
  }
}

@Resolver('StationVisitStatsRow')
export class VisitStatsRowResolver {
  constructor(private readonly stations: StationLoader) {}

  @ResolveField('station')
  station(@Parent() row: VisitStatsRow, @Context() ctx: GraphQLContext) {
    return row.stationId ? this.stations.load(ctx, row.stationId) : null;
  }

  @ResolveField('serviceLabel')
  serviceLabel(@Parent() row: VisitStatsRow) {
    return row.service ? STATION_SERVICE_LABELS[row.service] : null;
  }

  @ResolveField('workerKindLabel')
  workerKindLabel(@Parent() row: VisitStatsRow) {
    return row.workerKind ? WORKER_KIND_LABELS[row.workerKind] : null;
  }
}
