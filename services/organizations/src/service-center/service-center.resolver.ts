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
import { WEEKDAY_LABELS } from '@jiceng/calendar';
import { OrganizationLoader } from '../organization/organization.loader';
import type { Organization } from '../organization/organization.schema';
import { CreateServiceCenterInput, UpdateServiceCenterInput } from './dto/service-center.inputs';
import type { OpeningInterval } from './opening-hours';
import {
  SERVICE_CENTER_KIND_LABELS,
  SERVICE_CENTER_LEVEL_LABELS,
  SIX_HAVES_LABELS,
  TEN_UNIFIED_LABELS,
  requiredFloorAreaSqm,
  type StandardItem,
} from './service-center.enums';
import type { ServiceCenter } from './service-center.schema';
import { ServiceCenterService } from './service-center.service';

function checklist(labels: Partial<Record<StandardItem, string>>, met: StandardItem[]) {
  const items = Object.entries(labels).map(([item, label]) => ({
    item,
    label,
    met: met.includes(item as StandardItem),
  }));
  const metCount = items.filter((i) => i.met).length;
  return { met: metCount === items.length, metCount, items };
}

@Resolver('ServiceCenter')
export class ServiceCenterResolver {
  constructor(
    private readonly centers: ServiceCenterService,
    private readonly loader: OrganizationLoader,
  ) {}

  @Query('serviceCenter')
  center(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.centers.getReadable(id, ctx.claims);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.centers.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() center: ServiceCenter) {
    return String(center._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() center: ServiceCenter) {
    return String(center.organizationId);
  }

  // A centre is only returned to callers who may read its organization.
  @ResolveField('organization')
  organization(@Parent() center: ServiceCenter, @Context() ctx: GraphQLContext) {
    return this.loader.load(ctx, String(center.organizationId));
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() center: ServiceCenter) {
    return SERVICE_CENTER_KIND_LABELS[center.kind];
  }

  @ResolveField('levelLabel')
  levelLabel(@Parent() center: ServiceCenter) {
    return SERVICE_CENTER_LEVEL_LABELS[center.level];
  }

  @ResolveField('requiredFloorAreaSqm')
  requiredFloorAreaSqm(@Parent() center: ServiceCenter) {
    return requiredFloorAreaSqm(center.kind, center.level);
  }

  @ResolveField('meetsAreaStandard')
  meetsAreaStandard(@Parent() center: ServiceCenter) {
    const required = requiredFloorAreaSqm(center.kind, center.level);
    return required === null ? null : center.floorAreaSqm >= required;
  }

  @ResolveField('sixHaves')
  sixHaves(@Parent() center: ServiceCenter) {
    return checklist(SIX_HAVES_LABELS, center.standardItemsMet);
  }

  @ResolveField('tenUnified')
  tenUnified(@Parent() center: ServiceCenter) {
    return checklist(TEN_UNIFIED_LABELS, center.standardItemsMet);
  }

  @ResolveField('openingHours')
  openingHours(@Parent() center: ServiceCenter) {
    return center.openingHours.map((i: OpeningInterval) => ({
      ...i,
      weekdayLabel: WEEKDAY_LABELS[i.weekday],
    }));
  }

  @Mutation('createServiceCenter')
  create(@Args('input') input: CreateServiceCenterInput, @Context() ctx: GraphQLContext) {
    return this.centers.create(input, ctx.claims);
  }

  @Mutation('updateServiceCenter')
  update(@Args('input') input: UpdateServiceCenterInput, @Context() ctx: GraphQLContext) {
    return this.centers.update(input, ctx.claims);
  }
}

/** Organization.serviceCenters (the Organization type itself is extended). */
@Resolver('Organization')
export class OrganizationServiceCenterResolver {
  constructor(private readonly centers: ServiceCenterService) {}

  @ResolveField('serviceCenters')
  serviceCenters(
    @Parent() org: Organization,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.centers.ofOrganization(org, { first, after });
  }
}
