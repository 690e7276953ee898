import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isWithinScope } from '@jiceng/auth';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrganizationLoader } from '../organization/organization.loader';
import type { Organization } from '../organization/organization.schema';
import { scopedNode } from '../organization/organization.service';
import { JOINT_PROJECT_STATUS_LABELS, type PairingStatus } from './pairing.enums';
import type {
  JointProject,
  JointProjectStatusChange,
  PairingItem,
  PairingParty,
} from './pairing.schema';
import { PairingService } from './pairing.service';

@Resolver('PairingParty')
export class PairingPartyResolver {
  constructor(private readonly loader: OrganizationLoader) {}

  @ResolveField('organizationId')
  organizationId(@Parent() party: PairingParty) {
    return String(party.organizationId);
  }

  // The counterpart's name is part of the agreement; its node and subtree are not.
  @ResolveField('organizationName')
  async organizationName(@Parent() party: PairingParty, @Context() ctx: GraphQLContext) {
    return (await this.loader.load(ctx, String(party.organizationId)))?.name ?? '';
  }

  @ResolveField('organization')
  async organization(@Parent() party: PairingParty, @Context() ctx: GraphQLContext) {
    const org = await this.loader.load(ctx, String(party.organizationId));
    return org && isWithinScope(ctx.claims, scopedNode(org)) ? org : null;
  }
}

@Resolver('PairingListItem')
export class PairingListItemResolver {
  @ResolveField('id')
  id(@Parent() item: PairingItem) {
    return String(item._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() item: PairingItem) {
    return String(item.organizationId);
  }
}

@Resolver('JointProject')
export class JointProjectResolver {
  @ResolveField('id')
  id(@Parent() project: JointProject) {
    return String(project._id);
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() project: JointProject) {
    return JOINT_PROJECT_STATUS_LABELS[project.status];
  }
}

@Resolver('JointProjectStatusChange')
export class JointProjectStatusChangeResolver {
  @ResolveField('statusLabel')
  statusLabel(@Parent() change: JointProjectStatusChange) {
    return JOINT_PROJECT_STATUS_LABELS[change.status];
  }
}

/** Organization.pairings (the Organization type itself is extended). */
@Resolver('Organization')
export class OrganizationPairingResolver {
  constructor(private readonly pairings: PairingService) {}

  @ResolveField('pairings')
  pairingsOf(
    @Parent() org: Organization,
    @Args('status') status: PairingStatus | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.pairings.ofOrganization(org, status ?? undefined, { first, after });
  }
}
