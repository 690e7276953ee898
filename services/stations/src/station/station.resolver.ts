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
import { fromGeoPoint } from '@jiceng/geo';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  ChangeStationStatusInput,
  CreateStationInput,
  NearbyStationsInput,
  UpdateStationInput,
} from './dto/station.inputs';
import { StationsAccess } from '../access/stations-access';
import { type OpeningInterval, WEEKDAY_LABELS, isOpenAt, isOvernight } from '@jiceng/calendar';
import { AMENITY_LABELS, STATION_KIND_LABELS, STATION_SERVICE_LABELS } from './station.enums';
import { STATION_STEPS } from './station-steps';
import type { Station, StatusChange } from './station.schema';
import { StationService } from './station.service';

@Resolver('Station')
export class StationResolver {
  constructor(
    private readonly stations: StationService,
    private readonly access: StationsAccess,
  ) {}

  @Query('station')
  station(@Args('id') id: string) {
    return this.stations.find(id);
  }

  @Query('nearbyStations')
  nearby(
    @Args('input') input: NearbyStationsInput,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.stations.nearby(input, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return this.stations.find(reference.id);
  }

  @ResolveField('id')
  id(@Parent() station: Station) {
    return String(station._id);
  }

  @ResolveField('operator')
  operator(@Parent() station: Station) {
    return { id: String(station.operatorId) };
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() station: Station) {
    return STATION_KIND_LABELS[station.kind];
  }

  @ResolveField('location')
  location(@Parent() station: Station) {
    return { ...station.location, ...fromGeoPoint(station.location) };
  }

  @ResolveField('openingHours')
  openingHours(@Parent() station: Station) {
    return station.openingHours.map((interval: OpeningInterval) => ({
      ...interval,
      weekdayLabels: interval.weekdays.map((d) => WEEKDAY_LABELS[d]),
      overnight: isOvernight(interval),
    }));
  }

  @ResolveField('openNow')
  openNow(@Parent() station: Station) {
    return station.status === 'OPEN' && isOpenAt(station.openingHours, new Date());
  }

  @ResolveField('amenityLabels')
  amenityLabels(@Parent() station: Station) {
    return station.amenities.map((a) => AMENITY_LABELS[a]);
  }

  @ResolveField('serviceLabels')
  serviceLabels(@Parent() station: Station) {
    return station.services.map((s) => STATION_SERVICE_LABELS[s]);
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() station: Station) {
    return STATION_STEPS.labels[station.status];
  }

  @ResolveField('statusHistory')
  async statusHistory(@Parent() station: Station, @Context() ctx: GraphQLContext) {
    // Who changed what is the operator's business; the station itself is public.
    if (!(await this.access.isWithinScope(ctx, station.operatorId))) return null;
    return station.statusHistory.map((change: StatusChange) => ({
      ...change,
      statusLabel: STATION_STEPS.labels[change.status],
    }));
  }

  @Mutation('createStation')
  create(@Args('input') input: CreateStationInput, @Context() ctx: GraphQLContext) {
    return this.stations.create(input, ctx.claims);
  }

  @Mutation('updateStation')
  update(@Args('input') input: UpdateStationInput, @Context() ctx: GraphQLContext) {
    return this.stations.update(input, ctx.claims);
  }

  @Mutation('changeStationStatus')
  changeStatus(@Args('input') input: ChangeStationStatusInput, @Context() ctx: GraphQLContext) {
    return this.stations.changeStatus(input, ctx.claims);
  }
}
