import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { DoubleReportService } from '../double-report/double-report.service';
import { FloatingService } from '../floating/floating.service';
import { MemberFilter } from '../member/dto/member.inputs';
import type { MemberStatus } from '../member/member.enums';
import { MemberService } from '../member/member.service';
import { TransferService } from '../transfer/transfer.service';

interface OrganizationRef {
  id: string;
}

/**
 * The members subgraph's fields on Organization. The parent is the gateway's reference; every
 * field checks the organization against the caller's scope with the local projection's path.
 */
@Resolver('Organization')
export class OrganizationMembersResolver {
  constructor(
    private readonly access: OrgAccess,
    private readonly members: MemberService,
    private readonly floating: FloatingService,
    private readonly reports: DoubleReportService,
    private readonly transfers: TransferService,
  ) {}

  @ResolveField('members')
  async membersOf(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: MemberFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.members.list(ctx, await this.access.requireScopedRoot(ctx, org.id), filter, {
      first,
      after,
    });
  }

  @ResolveField('memberCount')
  async memberCount(
    @Parent() org: OrganizationRef,
    @Args('status') status: MemberStatus | undefined,
    @Args('directOnly') directOnly: boolean | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.members.count(
      await this.access.requireScopedRoot(ctx, org.id),
      status ?? undefined,
      directOnly ?? false,
    );
  }

  @ResolveField('floatingMembers')
  async floatingMembers(
    @Parent() org: OrganizationRef,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.floating.list(ctx.claims, await this.access.requireScopedRoot(ctx, org.id), {
      first,
      after,
    });
  }

  @ResolveField('reportingMembers')
  async reportingMembers(
    @Parent() org: OrganizationRef,
    @Args('unitWithin') unitWithin: string | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const root = await this.access.requireScopedRoot(ctx, org.id);
    return this.reports.reportingMembers(ctx.claims, root, this.idOrNull(unitWithin), {
      first,
      after,
    });
  }

  @ResolveField('reportingUnits')
  async reportingUnits(
    @Parent() org: OrganizationRef,
    @Args('unitWithin') unitWithin: string | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const root = await this.access.requireScopedRoot(ctx, org.id);
    return this.reports.reportingUnits(root, this.idOrNull(unitWithin), { first, after });
  }

  @ResolveField('unitDoubleReports')
  async unitDoubleReports(
    @Parent() org: OrganizationRef,
    @Args('kind') kind: 'MEMBER' | 'UNIT',
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reports.unitReports(
      ctx.claims,
      await this.access.requireScopedRoot(ctx, org.id),
      kind,
      {
        first,
        after,
      },
    );
  }

  @ResolveField('pendingTransfers')
  async pendingTransfers(
    @Parent() org: OrganizationRef,
    @Args('direction') direction: 'INCOMING' | 'OUTGOING',
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const root = await this.access.requireScopedRoot(ctx, org.id);
    return this.transfers.pending(ctx.claims, root, direction, { first, after });
  }

  private idOrNull(id: string | undefined): Types.ObjectId | null {
    return id && Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null;
  }
}
