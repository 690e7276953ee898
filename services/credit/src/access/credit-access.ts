import { Injectable } from '@nestjs/common';
import { hasGlobalScope, isWithinScope, type Claims, type ScopedNode } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrgProjectionService } from '@jiceng/org-projection';
import type { AccountKind } from '../account/account';
import { MemberRefsService } from '../projections/member-refs.service';

/**
 * Who may read what, with the organization tree as the credit service's projection knows it:
 * ADMIN and AUDITOR everything; a MEMBER only itself (its account, entries and orders, never a
 * list of others' points); others an organization within their subtree and a member whose branch
 * lies within it. Firms' points and bonuses are public, like firms.
 * Ancestor walks are cached per request.
 */
@Injectable()
export class CreditAccess {
  private readonly nodes = new WeakMap<object, Map<string, Promise<ScopedNode>>>();

  constructor(
    private readonly orgTree: OrgProjectionService,
    private readonly members: MemberRefsService,
  ) {}

  async canReadOrganization(ctx: GraphQLContext, orgId: string): Promise<boolean> {
    if (hasGlobalScope(ctx.claims)) return true;
    return isWithinScope(ctx.claims, await this.scopedNode(ctx, orgId));
  }

  async canReadMember(ctx: GraphQLContext, memberId: string): Promise<boolean> {
    const { claims } = ctx;
    if (hasGlobalScope(claims)) return true;
    // A member reads only itself: its branch's other members are not its business.
    if (claims.role === 'MEMBER') return claims.memberId === memberId;
    const [member] = await this.members.findByIds([memberId]);
    return member ? this.canReadOrganization(ctx, member.branchId) : false;
  }

  async canRead(ctx: GraphQLContext, kind: AccountKind, id: string): Promise<boolean> {
    if (kind === 'FIRM') return true;
    return kind === 'MEMBER' ? this.canReadMember(ctx, id) : this.canReadOrganization(ctx, id);
  }

  async assertCanRead(ctx: GraphQLContext, kind: AccountKind, id: string): Promise<void> {
    if (!(await this.canRead(ctx, kind, id)))
      throw forbidden(`The ${kind.toLowerCase()} ${id} is outside your scope`);
  }

  async assertOrganizationInScope(ctx: GraphQLContext, orgId: string): Promise<void> {
    if (!(await this.canReadOrganization(ctx, orgId)))
      throw forbidden(`Organization ${orgId} is outside your scope`);
  }

  /** Lists of other accounts (rankings, letters) are not for a member: it reads only itself. */
  assertNotMember(claims: Claims, what: string): void {
    if (claims.role === 'MEMBER') throw forbidden(`${what}: a member reads only its own`);
  }

  assertGlobal(claims: Claims): void {
    if (!hasGlobalScope(claims)) throw forbidden('Only ADMIN and AUDITOR may do this');
  }

  private scopedNode(ctx: GraphQLContext, orgId: string): Promise<ScopedNode> {
    let cache = this.nodes.get(ctx);
    if (!cache) this.nodes.set(ctx, (cache = new Map()));
    let node = cache.get(orgId);
    if (!node) cache.set(orgId, (node = this.orgTree.scoped(orgId)));
    return node;
  }
}
