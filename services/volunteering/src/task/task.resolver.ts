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
import { visibleOrNull } from '@jiceng/auth';
import { fromGeoPoint } from '@jiceng/geo';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  CancelVolunteerTaskInput,
  PublishVolunteerTaskInput,
  VolunteerTaskFilter,
} from './dto/task.inputs';
import { TASK_AUDIENCE_LABELS, TASK_CATEGORY_LABELS, TASK_STATUS_LABELS } from './task.enums';
import type { VolunteerTask } from './task.schema';
import { TaskService } from './task.service';

@Resolver('VolunteerTask')
export class TaskResolver {
  constructor(private readonly tasks: TaskService) {}

  @Query('volunteerTask')
  volunteerTask(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.readable(id, ctx);
  }

  @Query('claimableVolunteerTasks')
  claimable(
    @Args('filter') filter: VolunteerTaskFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.tasks.claimable(ctx.claims, filter, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.readable(reference.id, ctx);
  }

  @ResolveField('id')
  id(@Parent() task: VolunteerTask) {
    return String(task._id);
  }

  @ResolveField('community')
  community(@Parent() task: VolunteerTask) {
    return { id: String(task.communityId) };
  }

  @ResolveField('categoryLabel')
  categoryLabel(@Parent() task: VolunteerTask) {
    return TASK_CATEGORY_LABELS[task.category];
  }

  @ResolveField('audienceLabel')
  audienceLabel(@Parent() task: VolunteerTask) {
    return TASK_AUDIENCE_LABELS[task.audience];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() task: VolunteerTask) {
    return TASK_STATUS_LABELS[task.status];
  }

  @ResolveField('claimedSlots')
  claimedSlots(@Parent() task: VolunteerTask) {
    return task.slots - task.remainingSlots;
  }

  @ResolveField('place')
  place(@Parent() task: VolunteerTask) {
    return {
      type: task.place.type,
      coordinates: task.place.coordinates,
      ...fromGeoPoint(task.place),
      radiusMeters: task.radiusMeters,
      address: task.address ?? null,
    };
  }

  @Mutation('publishVolunteerTask')
  publish(@Args('input') input: PublishVolunteerTaskInput, @Context() ctx: GraphQLContext) {
    return this.tasks.publish(input, ctx.claims);
  }

  @Mutation('cancelVolunteerTask')
  cancel(@Args('input') input: CancelVolunteerTaskInput, @Context() ctx: GraphQLContext) {
    return this.tasks.cancel(input, ctx.claims);
  }

  /** Null when unknown or outside the caller's scope, as every lookup (visibleOrNull). */
  private async readable(id: string, ctx: GraphQLContext): Promise<VolunteerTask | null> {
    return visibleOrNull(await this.tasks.find(id), (task) => this.tasks.canRead(ctx.claims, task));
  }
}
