import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { StationsAccess } from '../access/stations-access';
import { StationFilter } from '../station/dto/station.inputs';
import { OrganizationStationsLoader } from '../station/station.loaders';
import { OrganizationFlagVehiclesLoader } from '../vehicle/vehicle.loader';

interface OrganizationRef {
  id: string;
}

/**
 * The stations subgraph's fields on Organization. A page of organizations costs one projection
 * read for the scope checks, one for the subtrees and one per list (see OrgListLoader in
 * @jiceng/org-access).
 */
@Resolver('Organization')
export class OrganizationStationsResolver {
  constructor(
    private readonly access: StationsAccess,
    private readonly stations: OrganizationStationsLoader,
    private readonly vehicles: OrganizationFlagVehiclesLoader,
  ) {}

  @ResolveField('stations')
  async stationsOf(
    @Parent() org: OrganizationRef,
    @Args('includeSubtree') includeSubtree: boolean | undefined,
    @Args('filter') filter: StationFilter | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    await this.access.requireWithinScope(ctx, org.id);
    return this.stations.load(ctx, {
      orgId: org.id,
      subtree: includeSubtree ?? false,
      filter,
      page: { first, after },
    });
  }

  @ResolveField('flagVehicles')
  async flagVehicles(
    @Parent() org: OrganizationRef,
    @Args('includeSubtree') includeSubtree: boolean | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    // A fleet lists members' plates: records, which a MEMBER (whose scope is itself) does not
    // read for its branch; its own vehicle it reads by id.
    await this.access.requireReadable(ctx, org.id);
    return this.vehicles.load(ctx, {
      orgId: org.id,
      subtree: includeSubtree ?? false,
      filter: null,
      page: { first, after },
    });
  }
}
