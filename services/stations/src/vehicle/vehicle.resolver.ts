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
import type { GraphQLContext } from '@jiceng/subgraph';
import { WORKER_PLATFORM_LABELS } from '../worker/worker.enums';
import { WorkerLoader } from '../worker/worker.loader';
import { RegisterFlagVehicleInput, RetireFlagVehicleInput } from './dto/vehicle.inputs';
import { FLAG_VEHICLE_KIND_LABELS, FLAG_VEHICLE_STATUS_LABELS } from './vehicle.enums';
import type { FlagVehicle } from './vehicle.schema';
import { FlagVehicleService } from './vehicle.service';

@Resolver('FlagVehicle')
export class FlagVehicleResolver {
  constructor(
    private readonly vehicles: FlagVehicleService,
    private readonly workers: WorkerLoader,
  ) {}

  @Query('flagVehicle')
  flagVehicle(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.vehicles.getReadable(id, ctx.claims);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.vehicles.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() vehicle: FlagVehicle) {
    return String(vehicle._id);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() vehicle: FlagVehicle) {
    return FLAG_VEHICLE_KIND_LABELS[vehicle.kind];
  }

  @ResolveField('platformLabel')
  platformLabel(@Parent() vehicle: FlagVehicle) {
    return WORKER_PLATFORM_LABELS[vehicle.platform];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() vehicle: FlagVehicle) {
    return FLAG_VEHICLE_STATUS_LABELS[vehicle.status];
  }

  @ResolveField('member')
  member(@Parent() vehicle: FlagVehicle) {
    return { id: String(vehicle.memberId) };
  }

  @ResolveField('mobileBranch')
  mobileBranch(@Parent() vehicle: FlagVehicle) {
    return { id: String(vehicle.mobileBranchId) };
  }

  @ResolveField('worker')
  worker(@Parent() vehicle: FlagVehicle, @Context() ctx: GraphQLContext) {
    return vehicle.workerId ? this.workers.load(ctx, vehicle.workerId) : null;
  }

  @Mutation('registerFlagVehicle')
  register(@Args('input') input: RegisterFlagVehicleInput, @Context() ctx: GraphQLContext) {
    return this.vehicles.register(input, ctx.claims);
  }

  @Mutation('retireFlagVehicle')
  retire(@Args('input') input: RetireFlagVehicleInput, @Context() ctx: GraphQLContext) {
    return this.vehicles.retire(input, ctx.claims);
  }
}
