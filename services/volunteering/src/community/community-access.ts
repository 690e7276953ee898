import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { hasGlobalScope, type Claims, type ScopedNode } from '@jiceng/auth';
import { badUserInput } from '@jiceng/graphql';
import { OrgAccess, type Caller } from '@jiceng/org-access';
import type { OrgNode } from '@jiceng/org-projection';
import { canAdministerCommunity, COMMUNITY_FILTER, isCommunity } from './community-scope';

/**
 * Scope checks against the organization projection (OrgAccess), with the communities' own:
 * what a community is, who administers it, which communities a subtree or a board covers.
 */
@Injectable()
export class CommunityAccess extends OrgAccess {
  /** An active community, or BAD_USER_INPUT on `field`. */
  async community(id: string, field: string): Promise<OrgNode> {
    const node = await this.known(id, field);
    if (!isCommunity(node))
      throw badUserInput([
        { field, message: `is ${node.name}, not a community (社区) or village (村) organization` },
      ]);
    return this.active(node, field);
  }

  /** The community's node once the caller is known to administer it; FORBIDDEN otherwise. */
  requireAdmin(claims: Claims, communityId: Types.ObjectId | string): Promise<ScopedNode> {
    return this.require(
      claims,
      communityId,
      canAdministerCommunity,
      `Only the admins of community ${String(communityId)} may do this`,
    );
  }

  isAdmin(claims: Claims, communityId: Types.ObjectId | string): Promise<boolean> {
    return this.allows(claims, communityId, canAdministerCommunity);
  }

  /**
   * The organization and the communities below it, whose records a subtree read returns, once
   * the organization is known to lie within the caller's scope (batched per request for a
   * request's context).
   */
  communitiesUnder(caller: Caller, rootId: string): Promise<Types.ObjectId[]> {
    return this.readableSubtree(caller, rootId, { where: COMMUNITY_FILTER });
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
      return this.projection.idsUnder(this.organizationId(organizationId), COMMUNITY_FILTER);
    }
    return this.communitiesUnder(claims, organizationId ?? (claims.orgId as string));
  }
}
