import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { OrgAccess } from '@jiceng/org-access';
import type { OrgNode } from '@jiceng/org-projection';
import { canAdminister, canOperate } from './access-rules';

/**
 * Scope checks against this service's organization projection (OrgAccess), with the stations'
 * own: mobile branches, and who administers and who operates an organization's stations.
 * Records about people (workers, fleets) are read with `isReadable`: never by a MEMBER, whose
 * scope is itself, not its branch.
 */
@Injectable()
export class StationsAccess extends OrgAccess {
  /** An active mobile branch (流动党支部 of the new-employment sector), or BAD_USER_INPUT. */
  mobileBranch(id: string, field: string): Promise<OrgNode> {
    return this.organization(id, field, (node) =>
      node.kind !== 'MOBILE_BRANCH' || node.sector !== 'NEW_EMPLOYMENT'
        ? `${node.name} is not a mobile branch (流动党支部) of new-employment workers`
        : undefined,
    );
  }

  async requireAdmin(claims: Claims, orgId: Types.ObjectId | string, what: string): Promise<void> {
    await this.require(
      claims,
      orgId,
      canAdminister,
      `Only the admins of organization ${String(orgId)} may ${what}`,
    );
  }

  async requireOperator(
    claims: Claims,
    orgId: Types.ObjectId | string,
    what: string,
  ): Promise<void> {
    await this.require(
      claims,
      orgId,
      canOperate,
      `Only the admins and station operators of organization ${String(orgId)} may ${what}`,
    );
  }
}
