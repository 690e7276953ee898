import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { SATISFACTION_LABELS } from '../service-request/service-request.enums';
import { ServiceRequestService } from '../service-request/service-request.service';
import {
  AcceptWhistleInput,
  ActOnWhistleInput,
  AnswerWhistleInput,
  BlowWhistleInput,
  EvaluateWhistleInput,
  RaiseWhistleInput,
  ResolveWhistleInput,
} from './dto/whistle.inputs';
import { WHISTLE_CATEGORY_LABELS } from './whistle.enums';
import type { Whistle, WhistleReport } from './whistle.schema';
import { WhistleQueryService } from './whistle-query.service';
import { WhistleService } from './whistle.service';
import { isReportOverdue, WHISTLE_REPORT_STEPS, WHISTLE_STEPS } from './whistle-steps';
import type { DepartmentStats, WhistleStats } from './whistle-tally';

const org = (id: unknown) => ({ id: String(id) });

@Resolver('Whistle')
export class WhistleResolver {
  constructor(
    private readonly whistles: WhistleService,
    private readonly reads: WhistleQueryService,
    private readonly requests: ServiceRequestService,
  ) {}

  @Query('whistle')
  whistle(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.reads.getReadable(id, ctx.claims);
  }

  @Query('whistleStats')
  stats(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.reads.stats(ctx.claims, organizationId, period);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.reads.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id') id(@Parent() w: Whistle) {
    return String(w._id);
  }
  @ResolveField('requester') requester(@Parent() w: Whistle) {
    return org(w.requesterId);
  }
  @ResolveField('township') township(@Parent() w: Whistle) {
    return org(w.townshipId);
  }
  @ResolveField('county') county(@Parent() w: Whistle) {
    return org(w.countyId);
  }
  @ResolveField('serviceRequest')
  serviceRequest(@Parent() w: Whistle, @Context() ctx: GraphQLContext) {
    // The requester's readers read its requests; a department's reader gets null.
    if (!w.serviceRequestId || ctx.claims.role === 'MEMBER') return null;
    return this.requests.getReadable(String(w.serviceRequestId), ctx.claims);
  }
  @ResolveField('categoryLabel') categoryLabel(@Parent() w: Whistle) {
    return WHISTLE_CATEGORY_LABELS[w.category];
  }
  @ResolveField('stateLabel') stateLabel(@Parent() w: Whistle) {
    return WHISTLE_STEPS.labels[w.state];
  }
  @ResolveField('satisfactionLabel') satisfactionLabel(@Parent() w: Whistle) {
    return w.satisfaction ? SATISFACTION_LABELS[w.satisfaction] : null;
  }
  @ResolveField('overdue') overdue(@Parent() w: Whistle) {
    const now = new Date();
    return w.reports.some((r) => isReportOverdue(r, now));
  }
  @ResolveField('history') history(@Parent() w: Whistle) {
    return w.history.map((h) => ({ ...h, stateLabel: WHISTLE_STEPS.labels[h.state] }));
  }
  @ResolveField('reports') reports(@Parent() w: Whistle) {
    const now = new Date();
    return w.reports.map((r: WhistleReport) => ({
      ...r,
      departmentId: String(r.departmentId),
      department: org(r.departmentId),
      stateLabel: WHISTLE_REPORT_STEPS.labels[r.state],
      overdue: isReportOverdue(r, now),
      history: r.history.map((h) => ({ ...h, stateLabel: WHISTLE_REPORT_STEPS.labels[h.state] })),
    }));
  }

  @Mutation('raiseWhistle')
  raise(@Args('input') input: RaiseWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.raise(input, ctx.claims);
  }
  @Mutation('resolveWhistle')
  resolve(@Args('input') input: ResolveWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.resolve(input, ctx.claims);
  }
  @Mutation('blowWhistle')
  blow(@Args('input') input: BlowWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.blow(input, ctx.claims);
  }
  @Mutation('acceptWhistle')
  accept(@Args('input') input: AcceptWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.accept(input, ctx.claims);
  }
  @Mutation('actOnWhistle')
  act(@Args('input') input: ActOnWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.act(input, ctx.claims);
  }
  @Mutation('answerWhistle')
  answer(@Args('input') input: AnswerWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.answer(input, ctx.claims);
  }
  @Mutation('evaluateWhistle')
  evaluate(@Args('input') input: EvaluateWhistleInput, @Context() ctx: GraphQLContext) {
    return this.whistles.evaluate(input, ctx.claims);
  }
}

const department = (d: DepartmentStats) => ({
  ...d,
  department: org(d.departmentId),
  answeredOnTime: d.onTime,
});

@Resolver('WhistleStats')
export class WhistleStatsResolver {
  @ResolveField('answeredOnTime') answeredOnTime(@Parent() s: WhistleStats) {
    return s.onTime;
  }
  @ResolveField('byCategory') byCategory(@Parent() s: WhistleStats) {
    return s.byCategory.map((c) => ({ ...c, categoryLabel: WHISTLE_CATEGORY_LABELS[c.category] }));
  }
  @ResolveField('byDepartment') byDepartment(@Parent() s: WhistleStats) {
    return s.byDepartment.map(department);
  }
}
