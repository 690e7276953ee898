import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MicroWishFilter } from '../micro-wish/dto/micro-wish.inputs';
import { MicroWishService } from '../micro-wish/micro-wish.service';
import { HelpTeamService } from '../service-day/help-team.service';
import { ServiceDayService } from '../service-day/service-day.service';
import { ServiceRequestFilter } from '../service-request/dto/service-request.inputs';
import { ServiceRequestService } from '../service-request/service-request.service';
import { VolunteerTaskFilter } from '../task/dto/task.inputs';
import { TaskService } from '../task/task.service';
import { WhistleFilter } from '../whistle/dto/whistle.inputs';
import { WhistleQueryService } from '../whistle/whistle-query.service';

interface OrganizationRef {
  id: string;
}

/**
 * The volunteering subgraph's fields on Organization. The parent is the gateway's reference;
 * each field checks the organization against the caller's scope with the local projection. A
 * page of organizations costs one projection read for the scope checks, one for the subtrees
 * and one aggregation per list (see FacetPager).
 */
@Resolver('Organization')
export class OrganizationVolunteeringResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly wishes: MicroWishService,
    private readonly requests: ServiceRequestService,
    private readonly teams: HelpTeamService,
    private readonly days: ServiceDayService,
    private readonly whistles: WhistleQueryService,
  ) {}

  @ResolveField('tasks')
  tasksOf(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: VolunteerTaskFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.tasks.ofOrganization(ctx, org.id, filter, { first, after });
  }

  @ResolveField('microWishes')
  microWishes(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: MicroWishFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.wishes.ofOrganization(ctx, org.id, filter, { first, after });
  }

  @ResolveField('serviceRequests')
  serviceRequests(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: ServiceRequestFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.requests.ofOrganization(ctx, org.id, filter, { first, after });
  }

  @ResolveField('helpTeams')
  helpTeams(
    @Parent() org: OrganizationRef,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.teams.ofOrganization(ctx, org.id, { first, after });
  }

  @ResolveField('serviceDays')
  serviceDays(
    @Parent() org: OrganizationRef,
    @Args('month') month: string | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.days.ofOrganization(ctx, org.id, month, { first, after });
  }

  @ResolveField('whistles')
  whistlesOf(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: WhistleFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.whistles.ofOrganization(ctx, org.id, filter, { first, after });
  }
}
