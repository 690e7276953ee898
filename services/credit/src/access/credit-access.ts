import { Injectable } from '@nestjs/common';
import { hasGlobalScope } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import { OrgNodeLoader, OrgProjectionService } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { AccountKind } from '../account/account';
import { MemberRefsService } from '../projections/member-refs.service';

/**
 * Who may read what, with the organization tree as the credit service's projection knows it
 * (OrgAccess): ADMIN and AUDITOR everything; a MEMBER only itself (its account, entries and
 * orders, never a list of others' points); others an organization within their subtree and a
 * member whose branch lies within it. Firms' points and bonuses are public, like firms.
 */
@Injectable()
export class CreditAccess extends OrgAccess {
  constructor(
    projection: OrgProjectionService,
    nodes: OrgNodeLoader,
    private readonly members: MemberRefsService,
  ) {
    super(projection, nodes);
  }

  async canReadMember(ctx: GraphQLContext, memberId: string): Promise<boolean> {
    const { claims } = ctx;
    if (hasGlobalScope(claims)) return true;
    // A member reads only itself: its branch's other members are not its business.
    if (claims.role === 'MEMBER') return claims.memberId === memberId;
    const [member] = await this.members.findByIds([memberId]);
    return member ? this.isWithinScope(ctx, member.branchId) : false;
  }

  async canRead(ctx: GraphQLContext, kind: AccountKind, id: string): Promise<boolean> {
    if (kind === 'FIRM') return true;
    return kind === 'MEMBER' ? this.canReadMember(ctx, id) : this.isWithinScope(ctx, id);
  }

  async assertCanRead(ctx: GraphQLContext, kind: AccountKind, id: string): Promise<void> {
    if (!(await this.canRead(ctx, kind, id)))
      throw forbidden(`The ${kind.toLowerCase()} ${id} is outside your scope`);
  }
}
