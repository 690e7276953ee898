import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { periodArg } from '@jiceng/calendar';
import { notFound, pageOfSorted } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MemberLoader } from '../member/member.loader';
import { MemberService } from '../member/member.service';
import { orgRef } from '../member/member.views';
import { AppraisalService } from './appraisal.service';
import type { BranchCompliance } from './compliance';
import { ComplianceService, type SubtreeCompliance } from './compliance.service';
import { RecordAppraisalInput } from './dto/appraisal.inputs';
import { CorrectAttendanceInput, RecordMeetingInput } from './dto/meeting.inputs';
import { MeetingLoaders } from './meeting.loaders';
import { MeetingService } from './meeting.service';
import { assertReadsOrganizationalLife, readsWithin } from './organizational-life.access';
import {
  appraisalView,
  branchComplianceView,
  meetingView,
  summaryView,
} from './organizational-life.views';

@Resolver()
export class OrganizationalLifeResolver {
  constructor(
    private readonly meetings: MeetingService,
    private readonly compliance: ComplianceService,
    private readonly appraisals: AppraisalService,
    private readonly loaders: MeetingLoaders,
    private readonly access: OrgAccess,
  ) {}

  @Query('meeting')
  async meeting(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    assertReadsOrganizationalLife(ctx.claims);
    const found = await this.loaders.meeting(ctx, id);
    return found && readsWithin(ctx.claims, found.organizationPath)
      ? meetingView(found, ctx.claims)
      : null;
  }

  @Query('meetingCompliance')
  async meetingCompliance(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string,
    @Context() ctx: GraphQLContext,
  ) {
    assertReadsOrganizationalLife(ctx.claims);
    const parsed = periodArg(period);
    if (!Types.ObjectId.isValid(organizationId)) throw notFound('Organization', organizationId);
    // The role was checked above, so what is left is OrgAccess's subtree check.
    const node = await this.access.requireKnownWithinScope(ctx, organizationId);
    const result = await this.compliance.ofSubtree(node._id, parsed);
    return {
      ...result,
      organization: orgRef(result.organizationId),
      summary: summaryView(result.summary),
    };
  }

  @Mutation('recordMeeting')
  async record(@Args('input') input: RecordMeetingInput, @Context() ctx: GraphQLContext) {
    return meetingView(await this.meetings.record(input, ctx.claims), ctx.claims);
  }

  @Mutation('correctAttendance')
  async correct(@Args('input') input: CorrectAttendanceInput, @Context() ctx: GraphQLContext) {
    return meetingView(await this.meetings.correct(input, ctx.claims), ctx.claims);
  }

  @Mutation('recordAppraisal')
  async appraise(@Args('input') input: RecordAppraisalInput, @Context() ctx: GraphQLContext) {
    return appraisalView(await this.appraisals.record(input, ctx.claims));
  }
}

@Resolver('MeetingCompliance')
export class MeetingComplianceResolver {
  @ResolveField('branches')
  branches(
    @Parent() parent: SubtreeCompliance,
    @Args('onlyMissing') onlyMissing: boolean | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    const rows = onlyMissing ? parent.branches.filter((b) => b.missing.length) : parent.branches;
    const page = pageOfSorted<BranchCompliance>(rows, { first, after }, (b) => b.organizationId);
    return {
      ...page,
      edges: page.edges.map((e) => ({ ...e, node: branchComplianceView(e.node) })),
    };
  }
}

@Resolver('MeetingAttendance')
export class MeetingAttendanceResolver {
  constructor(
    private readonly members: MemberService,
    private readonly loader: MemberLoader,
  ) {}

  @ResolveField('member')
  member(@Parent() attendance: { memberId: string }, @Context() ctx: GraphQLContext) {
    return this.members.getReadable(attendance.memberId, ctx.claims, (i) =>
      this.loader.load(ctx, i),
    );
  }
}
