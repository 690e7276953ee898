import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isWithinRecordScope, type Claims, type ScopedNode } from '@jiceng/auth';
import { badUserInput, forbidden } from '@jiceng/graphql';
import {
  OrgNodeLoader,
  OrgProjectionService,
  scopedNode,
  type OrgNode,
} from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { canAdminister, canOperate } from './access-rules';

/** Organization lookups and scope checks against this service's organization projection. */
@Injectable()
export class StationsAccess {
  constructor(
    private readonly projection: OrgProjectionService,
    private readonly nodes: OrgNodeLoader,
  ) {}

  /** An active organization, or BAD_USER_INPUT on `field`. */
  async organization(id: string, field: string): Promise<OrgNode> {
    const node = await this.projection.get(id);
    if (!node) throw badUserInput([{ field, message: 'is not a known organization' }]);
    if (node.status !== 'ACTIVE')
      throw badUserInput([{ field, message: `${node.name} is dissolved` }]);
    return node;
  }

  /** An active mobile branch (流动党支部 of the new-employment sector), or BAD_USER_INPUT. */
  async mobileBranch(id: string, field: string): Promise<OrgNode> {
    const node = await this.organization(id, field);
    if (node.kind !== 'MOBILE_BRANCH' || node.sector !== 'NEW_EMPLOYMENT')
      throw badUserInput([
        {
          field,
          message: `${node.name} is not a mobile branch (流动党支部) of new-employment workers`,
        },
      ]);
    return node;
  }

  async requireAdmin(claims: Claims, orgId: Types.ObjectId | string, what: string): Promise<void> {
    if (!canAdminister(claims, await this.projection.scoped(orgId)))
      throw forbidden(`Only the admins of organization ${orgId} may ${what}`);
  }

  async requireOperator(
    claims: Claims,
    orgId: Types.ObjectId | string,
    what: string,
  ): Promise<void> {
    if (!canOperate(claims, await this.projection.scoped(orgId)))
      throw forbidden(`Only the admins and station operators of organization ${orgId} may ${what}`);
  }

  /**
   * Within the caller's subtree; never for a MEMBER, whose scope is itself: it reads the records
   * about it (its worker, its flag vehicle), not its branch's (see isWithinRecordScope).
   */
  async isReadable(claims: Claims, orgId: Types.ObjectId | string): Promise<boolean> {
    return isWithinRecordScope(claims, await this.projection.scoped(orgId));
  }

  async requireReadable(claims: Claims, orgId: string): Promise<ScopedNode> {
    const node = await this.projection.scoped(orgId);
    if (!isWithinRecordScope(claims, node))
      throw forbidden(`Organization ${orgId} is outside your scope`);
    return node;
  }

  /** The organization and every organization below it, once it is known to be in scope. */
  async subtreeIds(
    claims: Claims,
    rootId: string,
    field = 'organizationId',
  ): Promise<Types.ObjectId[]> {
    if (!Types.ObjectId.isValid(rootId))
      throw badUserInput([{ field, message: 'is not an organization id' }]);
    await this.requireReadable(claims, rootId);
    return this.projection.idsUnder(rootId);
  }

  /**
   * The node as scope checks see it, batched per request: for fields resolved on every record
   * of a page. A node the projection has not seen (yet) has no known ancestors.
   */
  async scopedInRequest(ctx: GraphQLContext, orgId: Types.ObjectId | string): Promise<ScopedNode> {
    const node = await this.nodes.load(ctx, String(orgId));
    return node ? scopedNode(node) : { id: String(orgId), ancestorIds: [] };
  }
}
