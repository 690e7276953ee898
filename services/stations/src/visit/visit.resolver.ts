import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { forbidden, notFound } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { StationsAccess } from '../access/stations-access';
import { STATION_SERVICE_LABELS } from '../station/station.enums';
import { StationLoader } from '../station/station.loaders';
import { WORKER_KIND_LABELS, WORKER_PLATFORM_LABELS } from '../worker/worker.enums';
import { WorkerLoader } from '../worker/worker.loader';
import { RecordStationVisitInput } from './dto/visit.inputs';
import { VISIT_CHANNEL_LABELS } from './visit.enums';
import type { Visit } from './visit.schema';
import { VisitService } from './visit.service';

@Resolver('StationVisit')
export class VisitResolver {
  constructor(
    private readonly visits: VisitService,
    private readonly stations: StationLoader,
    private readonly workers: WorkerLoader,
    private readonly access: StationsAccess,
  ) {}

  @ResolveReference()
  async resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    const visit = await this.visits.get(reference.id);
    if (!visit) throw notFound('Station visit', reference.id);
    if (!(await this.access.isReadable(ctx.claims, visit.operatorId)))
      throw forbidden(`Station visit ${reference.id} is outside your scope`);
    return visit;
  }

  @ResolveField('id')
  id(@Parent() visit: Visit) {
    return String(visit._id);
  }

  @ResolveField('station')
  station(@Parent() visit: Visit, @Context() ctx: GraphQLContext) {
    return this.stations.load(ctx, visit.stationId);
  }

  @ResolveField('worker')
  worker(@Parent() visit: Visit, @Context() ctx: GraphQLContext) {
    return visit.workerId ? this.workers.load(ctx, visit.workerId) : null;
  }

  @ResolveField('workerKindLabel')
  workerKindLabel(@Parent() visit: Visit) {
    return WORKER_KIND_LABELS[visit.workerKind];
  }

  @ResolveField('platformLabel')
  platformLabel(@Parent() visit: Visit) {
    return visit.platform ? WORKER_PLATFORM_LABELS[visit.platform] : null;
  }

  @ResolveField('serviceLabels')
  serviceLabels(@Parent() visit: Visit) {
    return visit.services.map((s) => STATION_SERVICE_LABELS[s]);
  }

  @ResolveField('channelLabel')
  channelLabel(@Parent() visit: Visit) {
    return VISIT_CHANNEL_LABELS[visit.channel];
  }

  @Query('stationVisits')
  stationVisits(
    @Args('stationId') stationId: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.visits.ofStation(ctx.claims, stationId, { first, after });
  }

  @Mutation('recordStationVisit')
  record(@Args('input') input: RecordStationVisitInput, @Context() ctx: GraphQLContext) {
    return this.visits.record(input, ctx.claims);
  }
}
