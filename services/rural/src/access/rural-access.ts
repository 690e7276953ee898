import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type QueryFilter, type Model } from 'mongoose';
import { hasGlobalScope, isWithinScope, type Claims, type Role } from '@jiceng/auth';
import { badUserInput, forbidden } from '@jiceng/graphql';
import { ORG_NODE_MODEL, OrgProjectionService, type OrgNode } from '@jiceng/org-projection';
import { AUTHORITY_WORDS, mayWrite, VILLAGE_SECTOR, type Authority } from './authority';

type Id = Types.ObjectId | string;

/**
 * Who reads rural records at all: the records are the work of organizations (projects, contests,
 * funds, pairings, 书记项目) and their figures. A MEMBER reads only itself (its own commitment
 * sheets, see requireMemberRecordReadable); a STATION_OPERATOR runs stations, not villages.
 */
const READERS: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'AUDITOR', 'ORG_ADMIN', 'ANALYST']);

/**
 * Scope checks and subtree reads against the organization projection, shared by every feature.
 * Records keep only the ids of their organizations; a subtree read asks the projection which
 * organizations lie below the root, so a moved subtree needs no rewrite outside the projection.
 */
@Injectable()
export class RuralAccess {
  constructor(
    private readonly projection: OrgProjectionService,
    @InjectModel(ORG_NODE_MODEL) private readonly nodes: Model<OrgNode>,
  ) {}

  /** An active organization the projection knows, or BAD_USER_INPUT on `field`. */
  async organization(id: string, field: string): Promise<OrgNode> {
    const node = Types.ObjectId.isValid(id) ? await this.projection.get(id) : null;
    if (!node) throw badUserInput([{ field, message: 'is not a known organization' }]);
    if (node.status !== 'ACTIVE')
      throw badUserInput([{ field, message: `${node.name} is dissolved` }]);
    return node;
  }

  /** An active village party organization (村党组织), or BAD_USER_INPUT on `field`. */
  async village(id: string, field: string): Promise<OrgNode> {
    const node = await this.organization(id, field);
    if (node.sector !== VILLAGE_SECTOR)
      throw badUserInput([
        { field, message: `is ${node.name}, not a village party organization (村党组织)` },
      ]);
    return node;
  }

  /** FORBIDDEN unless the caller may take `what` on the organization. */
  async requireWrite(claims: Claims, orgId: Id, authority: Authority, what: string) {
    if (!mayWrite(claims, await this.projection.scoped(orgId), authority))
      throw forbidden(`${what} takes ${AUTHORITY_WORDS[authority]} organization ${String(orgId)}`);
  }

  /** FORBIDDEN for a role that reads no rural records (see READERS). */
  requireReader(claims: Claims, what: string): void {
    if (!READERS.has(claims.role))
      throw forbidden(`${what} is not for ${claims.role}: it takes ${[...READERS].join(', ')}`);
  }

  /** A record of several organizations is readable when any of them is within scope. */
  async isReadable(claims: Claims, orgIds: readonly Id[]): Promise<boolean> {
    if (hasGlobalScope(claims)) return true;
    for (const id of orgIds)
      if (isWithinScope(claims, await this.projection.scoped(id))) return true;
    return false;
  }

  async requireReadable(claims: Claims, orgIds: readonly Id[], what: string): Promise<void> {
    this.requireReader(claims, what);
    if (!(await this.isReadable(claims, orgIds))) throw forbidden(`${what} is outside your scope`);
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
    await this.requireReadable(claims, orgIds, what);
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
    return this.isReadable(claims, [record.organizationId]);
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
      return (await this.nodes.find(filter, { _id: 1 }).lean<OrgNode[]>()).map((n) => n._id);
    }
    if (!Types.ObjectId.isValid(rootId))
      throw badUserInput([{ field: 'organizationId', message: 'is not an organization id' }]);
    await this.requireReadable(claims, [rootId], `Organization ${rootId}`);
    const root = new Types.ObjectId(rootId);
    return (await this.subtrees([root], filter)).get(String(root)) ?? [];
  }

  /** The subtrees of several roots (each root with the nodes below it) in one projection read. */
  async subtrees(
    roots: readonly Types.ObjectId[],
    filter: QueryFilter<OrgNode> = {},
  ): Promise<Map<string, Types.ObjectId[]>> {
    const found = await this.projection.subtrees(roots, { fields: { _id: 1 }, where: filter });
    return new Map([...found].map(([root, nodes]) => [root, nodes.map((n) => n._id)]));
  }
}
