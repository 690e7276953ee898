import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Types } from 'mongoose';
import { periodArg, YEAR_MESSAGE, isYear } from '@jiceng/calendar';
import { badUserInput, forbidden, notFound, pageOfSorted } from '@jiceng/graphql';
import { OrgNodeLoader, pathOf } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { appraisalId } from './appraisal.schema';
import type { Meeting } from './meeting.schema';
import { MeetingLoaders } from './meeting.loaders';
import { memberYearId } from './meeting-tally.schema';
import { assertReadsOrganizationalLife, readsWithin } from './organizational-life.access';
import { appraisalView, attendanceYearView, meetingView } from './organizational-life.views';

function yearArg(year: number): number {
  if (!isYear(year)) throw badUserInput([{ field: 'year', message: YEAR_MESSAGE }]);
  return year;
}

/**
 * Organizational life on a member: the parent was already checked as readable (a MEMBER gets
 * only itself), so its attendance and appraisal go with it.
 */
@Resolver('Member')
export class MemberOrganizationalLifeResolver {
  constructor(private readonly loaders: MeetingLoaders) {}

  @ResolveField('meetingAttendance')
  async meetingAttendance(
    @Parent() member: { _id: Types.ObjectId },
    @Args('year') year: number,
    @Context() ctx: GraphQLContext,
  ) {
    const doc = await this.loaders.memberYear(ctx, memberYearId(member._id, yearArg(year)));
    return attendanceYearView(year, doc);
  }

  @ResolveField('appraisal')
  async appraisal(
    @Parent() member: { _id: Types.ObjectId },
    @Args('year') year: number,
    @Context() ctx: GraphQLContext,
  ) {
    const doc = await this.loaders.appraisal(ctx, appraisalId(member._id, yearArg(year)));
    return doc ? appraisalView(doc) : null;
  }
}

@Resolver('Organization')
export class OrganizationMeetingsResolver {
  constructor(
    private readonly loaders: MeetingLoaders,
    private readonly nodes: OrgNodeLoader,
  ) {}

  @ResolveField('meetings')
  async meetings(
    @Parent() org: { id: string },
    @Args('period') period: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    assertReadsOrganizationalLife(ctx.claims);
    const parsed = periodArg(period);
    if (!Types.ObjectId.isValid(org.id)) throw notFound('Organization', org.id);
    // An organization the projection has not seen yet is only the caller's own (or any, for
    // global roles), and then simply has no meetings here yet.
    const node = await this.nodes.load(ctx, org.id);
    const path = node ? pathOf(node) : [new Types.ObjectId(org.id)];
    if (!readsWithin(ctx.claims, path))
      throw forbidden(`Organization ${org.id} is outside your scope`);
    const ids = await this.loaders.meetingIdsIn(ctx, {
      organizationId: org.id,
      period: parsed.text,
    });
    const page = pageOfSorted(ids, { first, after }, (id) => id);
    const found = await this.loaders.meetingsByIds(
      ctx,
      page.edges.map((e) => e.node),
    );
    return {
      ...page,
      edges: page.edges.flatMap((e, i) => {
        const meeting = found[i] as Meeting | null;
        return meeting ? [{ cursor: e.cursor, node: meetingView(meeting, ctx.claims) }] : [];
      }),
    };
  }
}
