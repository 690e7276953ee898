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
import { ServiceRequestService } from '../service-request/service-request.service';
import {
  CancelServiceDayInput,
  CollectServiceDayProblemInput,
  PlanServiceDayInput,
  RecordServiceDayAttendanceInput,
  RecordServiceDayFiguresInput,
  SignServiceAgreementInput,
} from './dto/service-day.inputs';
import { AGREEMENT_PARTY_KIND_LABELS, STALL_KIND_LABELS } from './service-day.enums';
import type {
  Attendance,
  CollectedProblem,
  ServiceAgreement,
  ServiceDay,
  ServiceDayStepRecord,
  Stall,
} from './service-day.schema';
import { ServiceDayStatsService } from './service-day-stats.service';
import { SERVICE_DAY_STEPS } from './service-day-steps';
import { ServiceDayService } from './service-day.service';

const idOrNull = (id: unknown) => (id ? String(id) : null);

@Resolver('ServiceDay')
export class ServiceDayResolver {
  constructor(
    private readonly days: ServiceDayService,
    private readonly stats: ServiceDayStatsService,
  ) {}

  @Query('serviceDay')
  serviceDay(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.days.getReadable(id, ctx.claims);
  }

  @Query('serviceDayStats')
  serviceDayStats(
    @Args('organizationId') organizationId: string,
    @Args('month') month: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.stats.stats(ctx.claims, organizationId, month);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.days.getReadable(reference.id, ctx.claims);
  }

  @Mutation('planServiceDay')
  plan(@Args('input') input: PlanServiceDayInput, @Context() ctx: GraphQLContext) {
    return this.days.plan(input, ctx.claims);
  }

  @Mutation('signServiceAgreement')
  signAgreement(@Args('input') input: SignServiceAgreementInput, @Context() ctx: GraphQLContext) {
    return this.days.signAgreement(input, ctx.claims);
  }

  @Mutation('holdServiceDay')
  hold(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.days.hold(id, ctx.claims);
  }

  @Mutation('recordServiceDayAttendance')
  attendance(
    @Args('input') input: RecordServiceDayAttendanceInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.days.recordAttendance(input, ctx.claims);
  }

  @Mutation('recordServiceDayFigures')
  figures(@Args('input') input: RecordServiceDayFiguresInput, @Context() ctx: GraphQLContext) {
    return this.days.recordFigures(input, ctx.claims);
  }

  @Mutation('collectServiceDayProblem')
  collect(@Args('input') input: CollectServiceDayProblemInput, @Context() ctx: GraphQLContext) {
    return this.days.collectProblem(input, ctx.claims);
  }

  @Mutation('signOffServiceDay')
  signOff(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.days.signOff(id, ctx.claims);
  }

  @Mutation('cancelServiceDay')
  cancel(@Args('input') input: CancelServiceDayInput, @Context() ctx: GraphQLContext) {
    return this.days.cancel(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() day: ServiceDay) {
    return String(day._id);
  }

  @ResolveField('branchId')
  branchId(@Parent() day: ServiceDay) {
    return String(day.branchId);
  }

  @ResolveField('branch')
  branch(@Parent() day: ServiceDay) {
    return { id: String(day.branchId) };
  }

  @ResolveField('communityId')
  communityId(@Parent() day: ServiceDay) {
    return idOrNull(day.communityId);
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() day: ServiceDay) {
    return SERVICE_DAY_STEPS.labels[day.state];
  }

  @ResolveField('volunteersPresent')
  volunteersPresent(@Parent() day: ServiceDay) {
    return day.attendance.length;
  }

  @ResolveField('stalls')
  stalls(@Parent() day: ServiceDay) {
    return day.stalls.map((s: Stall) => ({
      id: String(s._id),
      kind: s.kind,
      kindLabel: STALL_KIND_LABELS[s.kind],
      title: s.title,
      unitId: idOrNull(s.unitId),
      unit: s.unitId ? { id: String(s.unitId) } : null,
      helpTeamId: idOrNull(s.helpTeamId),
    }));
  }

  @ResolveField('agreements')
  agreements(@Parent() day: ServiceDay) {
    return day.agreements.map((a: ServiceAgreement) => ({
      id: String(a._id),
      partyKind: a.partyKind,
      partyKindLabel: AGREEMENT_PARTY_KIND_LABELS[a.partyKind],
      partyId: String(a.partyId),
      signedAt: a.signedAt,
    }));
  }

  @ResolveField('attendance')
  attendanceOf(@Parent() day: ServiceDay) {
    return day.attendance.map((a: Attendance) => ({
      id: String(a._id),
      memberId: String(a.memberId),
      unitId: idOrNull(a.unitId),
      stallId: idOrNull(a.stallId),
      minutes: a.minutes,
    }));
  }

  @ResolveField('problems')
  problems(@Parent() day: ServiceDay) {
    return day.problems.map((p: CollectedProblem) => ({
      requestId: String(p.requestId),
      stallId: idOrNull(p.stallId),
      collectedAt: p.collectedAt,
    }));
  }

  @ResolveField('history')
  history(@Parent() day: ServiceDay) {
    return day.history.map((h: ServiceDayStepRecord) => ({
      ...h,
      stateLabel: SERVICE_DAY_STEPS.labels[h.state],
    }));
  }
}

/** ServiceDayProblem.request: the service request, in the caller's scope. */
@Resolver('ServiceDayProblem')
export class ServiceDayProblemResolver {
  constructor(private readonly requests: ServiceRequestService) {}

  @ResolveField('request')
  request(@Parent() problem: { requestId: string }, @Context() ctx: GraphQLContext) {
    return this.requests.getReadable(problem.requestId, ctx.claims);
  }
}
