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
import { isWithinScope } from '@jiceng/auth';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  CreateOrganizationInput,
  DissolveOrganizationInput,
  MoveOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_SECTOR_LABELS,
  ORGANIZATION_STATUS_LABELS,
} from '@jiceng/events';
import { OrganizationLoader } from './organization.loader';
import type { Organization } from './organization.schema';
import { OrganizationService, scopedNode } from './organization.service';

@Resolver('Organization')
export class OrganizationResolver {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly loader: OrganizationLoader,
  ) {}

  @Query('organization')
  organization(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.organizations.getReadable(id, ctx.claims, (i) => this.loader.load(ctx, i));
  }

  @Query('organizations')
  list(
    @Args('filter') filter: OrganizationFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.organizations.list(ctx.claims, filter, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.organizations.getReadable(reference.id, ctx.claims, (i) =>
      this.loader.load(ctx, i),
    );
  }

  @ResolveField('id')
  id(@Parent() org: Organization) {
    return String(org._id);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() org: Organization) {
    return ORGANIZATION_KIND_LABELS[org.kind];
  }

  @ResolveField('sectorLabel')
  sectorLabel(@Parent() org: Organization) {
    return ORGANIZATION_SECTOR_LABELS[org.sector];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() org: Organization) {
    return ORGANIZATION_STATUS_LABELS[org.status];
  }

  @ResolveField('parent')
  async parent(@Parent() org: Organization, @Context() ctx: GraphQLContext) {
    if (!org.parentId) return null;
    // Above the caller's scope root the chain stops, as in `ancestors`.
    const parent = await this.loader.load(ctx, String(org.parentId));
    return parent && isWithinScope(ctx.claims, scopedNode(parent)) ? parent : null;
  }

  @ResolveField('ancestors')
  ancestors(@Parent() org: Organization, @Context() ctx: GraphQLContext) {
    return this.organizations.ancestors(org, ctx.claims, (ids) => this.loader.loadMany(ctx, ids));
  }

  @ResolveField('children')
  children(
    @Parent() org: Organization,
    @Args('filter') filter: OrganizationFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.organizations.children(org, filter, { first, after });
  }

  @ResolveField('descendants')
  descendants(
    @Parent() org: Organization,
    @Args('maxDepth') maxDepth: number | undefined,
    @Args('filter') filter: OrganizationFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.organizations.descendants(org, maxDepth ?? undefined, filter, { first, after });
  }

  @ResolveField('descendantCount')
  descendantCount(
    @Parent() org: Organization,
    @Args('maxDepth') maxDepth: number | undefined,
    @Args('filter') filter: OrganizationFilter,
  ) {
    return this.organizations.descendantCount(org, maxDepth ?? undefined, filter);
  }

  @Query('organizationCreationCheck')
  checkCreation(@Args('input') input: CreateOrganizationInput, @Context() ctx: GraphQLContext) {
    return this.organizations.checkCreation(input, ctx.claims);
  }

  @Mutation('createOrganization')
  create(@Args('input') input: CreateOrganizationInput, @Context() ctx: GraphQLContext) {
    return this.organizations.create(input, ctx.claims);
  }

  @Mutation('updateOrganization')
  update(@Args('input') input: UpdateOrganizationInput, @Context() ctx: GraphQLContext) {
    return this.organizations.update(input, ctx.claims);
  }

  @Mutation('moveOrganization')
  move(@Args('input') input: MoveOrganizationInput, @Context() ctx: GraphQLContext) {
    return this.organizations.move(input, ctx.claims);
  }

  @Mutation('dissolveOrganization')
  dissolve(@Args('input') input: DissolveOrganizationInput, @Context() ctx: GraphQLContext) {
    return this.organizations.dissolve(input, ctx.claims);
  }
}
