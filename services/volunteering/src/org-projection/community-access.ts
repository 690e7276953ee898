import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isWithinScope, type Claims, type ScopedNode } from '@jiceng/auth';
import { badUserInput, forbidden } from '@jiceng/graphql';
import { canAdministerCommunity, isCommunity, scopedNode } from './community-scope';
import type { OrgNode } from './org-node.schema';
import { OrgProjectionService } from './org-projection.service';

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
    const node = await this.scoped(communityId);
    if (!canAdministerCommunity(claims, node))
      throw forbidden(`Only the admins of community ${communityId} may do this`);
    return node;
  }

  async isAdmin(claims: Claims, communityId: Types.ObjectId | string): Promise<boolean> {
    return canAdministerCommunity(claims, await this.scoped(communityId));
  }

  async isReadable(claims: Claims, orgId: Types.ObjectId | string): Promise<boolean> {
    return isWithinScope(claims, await this.scoped(orgId));
  }

  async requireReadable(claims: Claims, orgId: Types.ObjectId | string): Promise<ScopedNode> {
    const node = await this.scoped(orgId);
    if (!isWithinScope(claims, node))
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
    return this.projection.communityIdsUnder(new Types.ObjectId(rootId));
  }

  /** A node the projection has not seen (yet) has no known ancestors: only its own id counts. */
  private async scoped(id: Types.ObjectId | string): Promise<ScopedNode> {
    const node = await this.projection.get(id);
    return node ? scopedNode(node) : { id: String(id), ancestorIds: [] };
  }
}
