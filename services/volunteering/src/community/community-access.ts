import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { hasGlobalScope, isWithinRecordScope, type Claims, type ScopedNode } from '@jiceng/auth';
import { badUserInput, forbidden } from '@jiceng/graphql';
import { OrgProjectionService, type OrgNode } from '@jiceng/org-projection';
import { canAdministerCommunity, COMMUNITY_FILTER, isCommunity } from './community-scope';

/** Scope checks against the organization projection, shared by every feature. */
@Injectable()
export class CommunityAccess {
  constructor(private readonly projection: OrgProjectionService) {}

  /** An active community, or BAD_USER_INPUT on `field`. */
  async community(id: string, field: string): Promise<OrgNode> {
    const node = await this.projection.get(id);
    if (!node) throw badUserInput([{ field, message: 'is not a known organization' }]);
    if (!isCommunity(node))
      throw badUserInput([
        { field, message: `is ${node.name}, not a community (社区) or village (村) organization` },
      ]);
    if (node.status !== 'ACTIVE')
      throw badUserInput([{ field, message: `${node.name} is dissolved` }]);
    return node;
  }

  /** The community's node once the caller is known to administer it; FORBIDDEN otherwise. */
  async requireAdmin(claims: Claims, communityId: Types.ObjectId | string): Promise<ScopedNode> {
    const node = await this.projection.scoped(communityId);
    if (!canAdministerCommunity(claims, node))
      throw forbidden(`Only the admins of community ${communityId} may do this`);
    return node;
  }

  async isAdmin(claims: Claims, communityId: Types.ObjectId | string): Promise<boolean> {
    return canAdministerCommunity(claims, await this.projection.scoped(communityId));
  }

  /** Within the caller's subtree; never for a MEMBER, whose scope is itself (see isWithinRecordScope). */
  async isReadable(claims: Claims, orgId: Types.ObjectId | string): Promise<boolean> {
    return isWithinRecordScope(claims, await this.projection.scoped(orgId));
  }

  async requireReadable(claims: Claims, orgId: Types.ObjectId | string): Promise<ScopedNode> {
    const node = await this.projection.scoped(orgId);
    if (!isWithinRecordScope(claims, node))
      throw forbidden(`Organization ${orgId} is outside your scope`);
    return node;
  }

  /**
   * The organization and the communities below it, whose records a subtree read returns, once
   * the organization is known to lie within the caller's scope.
   */
  async communitiesUnder(claims: Claims, rootId: string): Promise<Types.ObjectId[]> {
    if (!Types.ObjectId.isValid(rootId))
      throw badUserInput([{ field: 'organizationId', message: 'is not an organization id' }]);
    await this.requireReadable(claims, rootId);
    return this.projection.idsUnder(rootId, COMMUNITY_FILTER);
  }

  /**
   * The communities a board (open tasks, open wishes) shows the caller, or null for all of them.
   * A board is platform-wide for those it is posted for (`postedFor`: members and units claim
   * beyond their own subtree, 双报到) and for global roles; anyone else reads it like any other
   * record, within its subtree.
   */
  async boardCommunities(
    claims: Claims,
    organizationId: string | null | undefined,
    postedFor: boolean,
  ): Promise<Types.ObjectId[] | null> {
    if (postedFor || hasGlobalScope(claims)) {
      if (!organizationId) return null;
      if (!Types.ObjectId.isValid(organizationId))
        throw badUserInput([{ field: 'organizationId', message: 'is not an organization id' }]);
      return this.projection.idsUnder(organizationId, COMMUNITY_FILTER);
    }
    return this.communitiesUnder(claims, organizationId ?? (claims.orgId as string));
  }
}
