import { Injectable } from '@nestjs/common';
import { Types, type QueryFilter } from 'mongoose';
import {
  canManage,
  hasGlobalScope,
  isWithinRecordScope,
  isWithinScope,
  type Claims,
  type ScopedNode,
} from '@jiceng/auth';
import { badUserInput, forbidden, notFound, RequestLoader } from '@jiceng/graphql';
import {
  OrgNodeLoader,
  OrgProjectionService,
  scopedNode,
  type OrgNode,
} from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';

export type OrgId = Types.ObjectId | string;

/**
 * Who asks: a request's context (its projection reads are batched and cached for the request,
 * for fields resolved on every record of a page) or bare claims (one read per check).
 */
export type Caller = GraphQLContext | Claims;

/** A scope rule of the kind libs/auth defines: may the caller act on this node? */
export type ScopeRule = (claims: Claims, node: ScopedNode) => boolean;

const claimsOf = (caller: Caller): Claims => ('claims' in caller ? caller.claims : caller);

/** A subtree an Organization field of a page of organizations asks for. */
export interface SubtreeRequest {
  root: string;
  /** Only the nodes that match (the root included, unless `withRoot`). */
  where?: QueryFilter<OrgNode>;
  /** The root first whatever it is, even before the projection has seen it. */
  withRoot?: boolean;
}

/**
 * The scope checks every subgraph makes against its organization projection (libs/auth holds
 * the rules, this applies them to the projection's nodes). A service's access class extends it
 * with its own rules only (a community, a mobile branch, rural authorities), written as a
 * `ScopeRule` for `require`/`allows` or a `problem` for `organization`.
 */
@Injectable()
export class OrgAccess {
  private readonly subtrees = new RequestLoader<SubtreeRequest, Types.ObjectId[]>(
    (requests) => this.subtreeBatch(requests),
    (r) => JSON.stringify([r.root, r.where ?? {}, !!r.withRoot]),
  );

  constructor(
    protected readonly projection: OrgProjectionService,
    protected readonly nodes: OrgNodeLoader,
  ) {}

  /** The organization the projection knows, or BAD_USER_INPUT on `field`. */
  async known(id: string, field: string): Promise<OrgNode> {
    const node = await this.projection.get(id);
    if (!node) throw badUserInput([{ field, message: 'is not a known organization' }]);
    return node;
  }

  /** The node unless it is dissolved (BAD_USER_INPUT on `field`). */
  active(node: OrgNode, field: string): OrgNode {
    if (node.status !== 'ACTIVE')
      throw badUserInput([{ field, message: `${node.name} is dissolved` }]);
    return node;
  }

  /**
   * An active organization, or BAD_USER_INPUT on `field`; `problem` names what else is wrong
   * with it for this field (`is X, not a village …`), if anything.
   */
  async organization(
    id: string,
    field: string,
    problem?: (node: OrgNode) => string | undefined,
  ): Promise<OrgNode> {
    const node = this.active(await this.known(id, field), field);
    const message = problem?.(node);
    if (message) throw badUserInput([{ field, message }]);
    return node;
  }

  /** The id as an ObjectId, or BAD_USER_INPUT on `field`. */
  organizationId(id: string, field = 'organizationId'): Types.ObjectId {
    if (!Types.ObjectId.isValid(id))
      throw badUserInput([{ field, message: 'is not an organization id' }]);
    return new Types.ObjectId(id);
  }

  /**
   * The node as scope checks see it, batched per request. A node the projection has not seen
   * (yet) has no known ancestors.
   */
  async scoped(ctx: GraphQLContext, id: OrgId): Promise<ScopedNode> {
    const node = await this.nodes.load(ctx, String(id));
    return node ? scopedNode(node) : { id: String(id), ancestorIds: [] };
  }

  /** Whether `rule` lets the caller act on the organization. */
  async allows(caller: Caller, id: OrgId, rule: ScopeRule): Promise<boolean> {
    return rule(claimsOf(caller), await this.node(caller, id));
  }

  /** The organization's node once `rule` lets the caller act on it; FORBIDDEN with `refusal`. */
  async require(caller: Caller, id: OrgId, rule: ScopeRule, refusal: string): Promise<ScopedNode> {
    const node = await this.node(caller, id);
    if (!rule(claimsOf(caller), node)) throw forbidden(refusal);
    return node;
  }

  /** Within the caller's subtree (global roles: everywhere). */
  async isWithinScope(caller: Caller, id: OrgId): Promise<boolean> {
    return hasGlobalScope(claimsOf(caller)) || this.allows(caller, id, isWithinScope);
  }

  /** Any of the organizations within the caller's subtree: a record of several organizations. */
  async isAnyWithinScope(caller: Caller, ids: readonly OrgId[]): Promise<boolean> {
    if (hasGlobalScope(claimsOf(caller))) return true;
    for (const id of ids) if (await this.allows(caller, id, isWithinScope)) return true;
    return false;
  }

  requireWithinScope(caller: Caller, id: OrgId): Promise<ScopedNode> {
    return this.require(caller, id, isWithinScope, outsideScope(id));
  }

  /**
   * A root for an Organization field: NOT_FOUND for an id that cannot be one, FORBIDDEN outside
   * the caller's subtree (an organization the projection has not seen yet is in scope only for
   * global roles and as the caller's own, and then simply has nothing here yet).
   */
  async requireScopedRoot(ctx: GraphQLContext, id: string): Promise<Types.ObjectId> {
    if (!Types.ObjectId.isValid(id)) throw notFound('Organization', id);
    await this.requireWithinScope(ctx, id);
    return new Types.ObjectId(id);
  }

  /**
   * The organization once the projection knows it (NOT_FOUND otherwise) and it lies within the
   * caller's subtree (FORBIDDEN otherwise).
   */
  async requireKnownWithinScope(caller: Caller, id: string): Promise<OrgNode> {
    const node =
      'claims' in caller ? await this.nodes.load(caller, id) : await this.projection.get(id);
    if (!node) throw notFound('Organization', id);
    if (!isWithinScope(claimsOf(caller), { id, ancestorIds: node.ancestorIds.map(String) }))
      throw forbidden(outsideScope(id));
    return node;
  }

  /**
   * Records about people and their work (see isWithinRecordScope): within the caller's subtree,
   * never for a MEMBER, whose scope is itself.
   */
  async isReadable(caller: Caller, id: OrgId): Promise<boolean> {
    return this.allows(caller, id, isWithinRecordScope);
  }

  requireReadable(caller: Caller, id: OrgId): Promise<ScopedNode> {
    return this.require(caller, id, isWithinRecordScope, outsideScope(id));
  }

  /** Changing the organization: ADMIN, or the ORG_ADMIN of an ancestor (see canManage). */
  requireManage(caller: Caller, id: OrgId, refusal: string): Promise<ScopedNode> {
    return this.require(caller, id, canManage, refusal);
  }

  assertGlobal(claims: Claims, refusal = 'Only ADMIN and AUDITOR may do this'): void {
    if (!hasGlobalScope(claims)) throw forbidden(refusal);
  }

  /** Lists of others' records are not for a member: it reads only its own. */
  assertNotMember(claims: Claims, what: string): void {
    if (claims.role === 'MEMBER') throw forbidden(`${what}: a member reads only its own`);
  }

  /**
   * The root and the nodes below it matching `where` (the root whatever it is), once the root is
   * a valid id (BAD_USER_INPUT on `field`) and readable as records (see requireReadable). With a
   * request's context, the subtrees of a page of organizations are one read (see `subtree`).
   */
  async readableSubtree(
    caller: Caller,
    rootId: string,
    options: { field?: string; where?: QueryFilter<OrgNode> } = {},
  ): Promise<Types.ObjectId[]> {
    const root = this.organizationId(rootId, options.field);
    await this.requireReadable(caller, rootId);
    if (!('claims' in caller)) return this.projection.idsUnder(root, options.where);
    return this.subtree(caller, { root: rootId, where: options.where, withRoot: true });
  }

  /**
   * A subtree's ids, batched per request: one projection read per tick and distinct `where` for
   * every root asked for. `request.root` must be a valid id.
   */
  subtree(ctx: GraphQLContext, request: SubtreeRequest): Promise<Types.ObjectId[]> {
    return this.subtrees.load(ctx, {
      ...request,
      root: new Types.ObjectId(request.root).toHexString(),
    });
  }

  /**
   * The subtrees of several roots in one projection read: for each root, its id (when the
   * projection knows it and it matches `where`) and the ids below it that match `where`.
   */
  async subtreeIds(
    roots: readonly OrgId[],
    where?: QueryFilter<OrgNode>,
  ): Promise<Map<string, Types.ObjectId[]>> {
    const found = await this.projection.subtrees(roots, { fields: { _id: 1 }, where });
    return new Map([...found].map(([root, nodes]) => [root, nodes.map((n) => n._id)]));
  }

  private async subtreeBatch(requests: readonly SubtreeRequest[]): Promise<Types.ObjectId[][]> {
    const byFilter = new Map<string, SubtreeRequest[]>();
    for (const r of requests) {
      const key = JSON.stringify(r.where ?? {});
      byFilter.set(key, [...(byFilter.get(key) ?? []), r]);
    }
    const found = new Map<SubtreeRequest, Types.ObjectId[]>();
    for (const group of byFilter.values()) {
      const subtrees = await this.subtreeIds(
        group.map((r) => r.root),
        group[0].where,
      );
      for (const r of group) found.set(r, withRoot(r, subtrees.get(r.root) ?? []));
    }
    return requests.map((r) => found.get(r) ?? []);
  }

  protected node(caller: Caller, id: OrgId): Promise<ScopedNode> {
    return 'claims' in caller ? this.scoped(caller, id) : this.projection.scoped(id);
  }
}

const outsideScope = (id: OrgId) => `Organization ${String(id)} is outside your scope`;

function withRoot(r: SubtreeRequest, ids: Types.ObjectId[]): Types.ObjectId[] {
  if (!r.withRoot || ids.some((id) => String(id) === r.root)) return ids;
  return [new Types.ObjectId(r.root), ...ids];
}
