import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Types, QueryFilter, Model } from 'mongoose';
import { hasGlobalScope, type Claims, type Role } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import {
  ORG_NODE_MODEL,
  OrgNodeLoader,
  OrgProjectionService,
  type OrgNode,
} from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { AUTHORITY_WORDS, mayWrite, VILLAGE_SECTOR, type Authority } from './authority';

type Id = Types.ObjectId | string;

/**
 * Who reads rural records at all: the records are the work of organizations (projects, contests,
 * funds, pairings, 书记项目) and their figures. A MEMBER reads only itself (its own commitment
 * sheets, see requireMemberRecordReadable); a STATION_OPERATOR runs stations, not villages.
 */
const READERS: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'AUDITOR', 'ORG_ADMIN', 'ANALYST']);

/**
 * Scope checks and subtree reads against the organization projection (OrgAccess), with the rural
 * rules: villages, write authorities, the roles that read rural records. Records keep only the
 * ids of their organizations; a subtree read asks the projection which organizations lie below
 * the root, so a moved subtree needs no rewrite outside the projection. A record of several
 * organizations is readable when any of them is within scope (`isAnyWithinScope`).
 */
@Injectable()
export class RuralAccess extends OrgAccess {
  constructor(
    projection: OrgProjectionService,
    nodes: OrgNodeLoader,
    @InjectModel(ORG_NODE_MODEL) private readonly nodeModel: Model<OrgNode>,
  ) {
    super(projection, nodes);
  }

  /** An active village party organization (村党组织), or BAD_USER_INPUT on `field`. */
  village(id: string, field: string): Promise<OrgNode> {
    return this.organization(id, field, (node) =>
      node.sector !== VILLAGE_SECTOR
        ? `is ${node.name}, not a village party organization (村党组织)`
        : undefined,
    );
  }

  /** FORBIDDEN unless the caller may take `what` on the organization. */
  async requireWrite(claims: Claims, orgId: Id, authority: Authority, what: string) {
    await this.require(
      claims,
      orgId,
      (c, node) => mayWrite(c, node, authority),
      `${what} takes ${AUTHORITY_WORDS[authority]} organization ${String(orgId)}`,
    );
  }

  /** FORBIDDEN for a role that reads no rural records (see READERS). */
  requireReader(claims: Claims, what: string): void {
    if (!READERS.has(claims.role))
      throw forbidden(`${what} is not for ${claims.role}: it takes ${[...READERS].join(', ')}`);
  }

  /**
   * A record about one member (a cadre's commitment sheet): a MEMBER reads it only when it is its
   * own, wherever it was filed; every other reader by the organizations' scope.
   */
  async requireMemberRecordReadable(
    claims: Claims,
    memberId: string,
    orgIds: readonly Id[],
    what: string,
  ): Promise<void> {
    if (claims.role === 'MEMBER') {
      if (!claims.memberId || claims.memberId !== memberId)
        throw forbidden(`${what}: a member reads only its own`);
      return;
    }
    await this.requireAnyReadable(claims, orgIds, what);
  }

  /**
   * The same rule for a lookup by id, which answers null rather than FORBIDDEN for a record the
   * caller may not see (a lookup does not disclose existence); a role that reads no rural
   * records is still refused outright.
   */
  async memberRecordVisible(
    claims: Claims,
    record: { memberId: Id; organizationId: Id },
    what: string,
  ): Promise<boolean> {
    if (claims.role === 'MEMBER')
      return !!claims.memberId && claims.memberId === String(record.memberId);
    this.requireReader(claims, what);
    return this.isAnyWithinScope(claims, [record.organizationId]);
  }

  /**
   * The organizations a subtree read covers: the root (the caller's own organization unless one
   * is given) and those below it, narrowed to a sector and to a region (GB/T 2260 prefix). Null
   * when nothing narrows the read: a global caller (ADMIN, AUDITOR) without root or region.
   */
  async scope(
    claims: Claims,
    organizationId: string | null | undefined,
    narrow: { sector?: string; regionCode?: string | null } = {},
  ): Promise<Types.ObjectId[] | null> {
    this.requireReader(claims, 'Reading rural records');
    const filter: QueryFilter<OrgNode> = {
      ...(narrow.sector && { sector: narrow.sector }),
      ...(narrow.regionCode && { regionCode: { $regex: `^${narrow.regionCode}` } }),
    };
    const rootId = organizationId ?? (hasGlobalScope(claims) ? null : claims.orgId);
    if (!rootId) {
      if (!narrow.regionCode) return null;
      return (await this.nodeModel.find(filter, { _id: 1 }).lean<OrgNode[]>()).map((n) => n._id);
    }
    const root = this.organizationId(rootId);
    await this.requireAnyReadable(claims, [rootId], `Organization ${rootId}`);
    return (await this.subtreeIds([root], filter)).get(String(root)) ?? [];
  }

  /**
   * The organization and the nodes below it of `sector` (any when null), for the fields this
   * subgraph adds to Organization: a page of organizations costs one projection read for the
   * scope checks and one for the subtrees. NOT_FOUND for a bad id, FORBIDDEN outside scope.
   */
  async organizationSubtree(
    ctx: GraphQLContext,
    rootId: string,
    sector: string | null,
  ): Promise<Types.ObjectId[]> {
    this.requireReader(ctx.claims, 'Reading rural records');
    await this.requireScopedRoot(ctx, rootId);
    return this.subtree(ctx, { root: rootId, where: sector ? { sector } : undefined });
  }

  private async requireAnyReadable(claims: Claims, orgIds: readonly Id[], what: string) {
    this.requireReader(claims, what);
    if (!(await this.isAnyWithinScope(claims, orgIds)))
      throw forbidden(`${what} is outside your scope`);
  }
}
