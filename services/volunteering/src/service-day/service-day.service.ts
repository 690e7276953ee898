import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { canAdminister, visibleOrNull, type Claims } from '@jiceng/auth';
import { periodArg, shanghaiDate } from '@jiceng/calendar';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  type Connection,
  type FieldError,
  type PageArgs,
} from '@jiceng/graphql';
import { FacetPager } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OutboxRelays, type OutboxRecord } from '@jiceng/outbox';
import { createOrConflict, transition, updateOrConflict } from '@jiceng/workflow';
import { CommunityAccess } from '../community/community-access';
import { ServiceRequestService } from '../service-request/service-request.service';
import type { ServiceRequest } from '../service-request/service-request.schema';
import type {
  CancelServiceDayInput,
  CollectServiceDayProblemInput,
  PlanServiceDayInput,
  RecordServiceDayAttendanceInput,
  RecordServiceDayFiguresInput,
  SignServiceAgreementInput,
} from './dto/service-day.inputs';
import { HelpTeamService } from './help-team.service';
import { isServiceDayBranch, unitProblem } from './service-day-branch';
import { ServiceDayParties } from './service-day-parties';
import {
  changeProblem,
  coveredByAgreement,
  duplicates,
  serviceDayDateProblem,
  serviceHoursProblem,
  serviceMinutes,
} from './service-day-rules';
import { attendanceRecord, serviceDayRecord } from './service-day.events';
import {
  SERVICE_DAY_MODEL,
  SERVICE_DAY_PROJECTION,
  type Attendance,
  type ServiceDay,
} from './service-day.schema';
import { ServiceDayStatsService } from './service-day-stats.service';
import { SERVICE_DAY_STEPS, type ServiceDayState, type ServiceDayStep } from './service-day-steps';

const OPEN: readonly ServiceDayState[] = ['PLANNED', 'HELD'];
const HELD: readonly ServiceDayState[] = ['HELD'];
const oid = (id: string | undefined | null) => (id ? new Types.ObjectId(id) : null);

/**
 * 德邻有约 service days of grid and compound branches: planned with their stalls, agreements
 * signed, held on the 5th, attendance and figures recorded, problems sent into the service
 * request loop, signed off by the branch (final). Every change is one guarded write of the day
 * document (its state and version), its events in the same write through the embedded outbox.
 */
@Injectable()
export class ServiceDayService {
  constructor(
    @InjectModel(SERVICE_DAY_MODEL) private readonly model: Model<ServiceDay>,
    private readonly access: CommunityAccess,
    private readonly teams: HelpTeamService,
    private readonly parties: ServiceDayParties,
    private readonly requests: ServiceRequestService,
    private readonly stats: ServiceDayStatsService,
    private readonly relay: OutboxRelays,
  ) {
    this.pager = new FacetPager(model);
  }

  private readonly pager: FacetPager<ServiceDay>;

  find(id: string): Promise<ServiceDay | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, SERVICE_DAY_PROJECTION).lean<ServiceDay>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<ServiceDay> {
    const day = await this.find(id);
    if (!day) throw notFound('Service day', id);
    return day;
  }

  async getReadable(id: string, claims: Claims): Promise<ServiceDay | null> {
    // A member's scope is itself: a branch's service day is no record of it, whatever the id.
    if (claims.role === 'MEMBER') throw forbidden('A member reads no service days');
    return visibleOrNull(await this.find(id), (day) =>
      this.access.isReadable(claims, day.branchId),
    );
  }

  /** Organization.serviceDays: the days of the organization's subtree, one aggregation per tick. */
  async ofOrganization(
    ctx: GraphQLContext,
    organizationId: string,
    month: string | undefined,
    page: PageArgs,
  ): Promise<Connection<ServiceDay>> {
    if (ctx.claims.role === 'MEMBER') throw forbidden('A member reads no service days');
    const root = this.access.organizationId(organizationId, 'id');
    await this.access.requireReadable(ctx, organizationId);
    const filter: Record<string, unknown> = { path: root };
    if (month !== undefined) filter.month = periodArg(month, 'month', ['MONTH']).text;
    return this.pager.page(ctx, { filter, page });
  }

  async plan(input: PlanServiceDayInput, claims: Claims): Promise<ServiceDay> {
    const branch = await this.access.organization(input.branchId, 'input.branchId', (n) =>
      isServiceDayBranch(n)
        ? undefined
        : `is ${n.name}, not a grid (网格) or compound (小区) branch`,
    );
    await this.requireBranchAdmin(claims, branch._id);
    const errors: FieldError[] = [];
    const dateProblem = serviceDayDateProblem(input.date);
    if (dateProblem) errors.push({ field: 'input.date', message: dateProblem });
    const hours = serviceHoursProblem(input.startTime, input.endTime);
    if (hours) errors.push({ field: `input.${hours.field}`, message: hours.message });
    // A branch under no community may hold its day; its stalls' 帮帮团 and problems need one.
    const communityId = await this.teams.communityAbove(branch);
    const stalls = await this.parties.stalls(input.stalls, branch, communityId, errors);
    if (errors.length) throw badUserInput(errors);
    const now = new Date();
    const day: ServiceDay = {
      _id: new Types.ObjectId(),
      branchId: branch._id,
      communityId,
      path: [...branch.ancestorIds, branch._id],
      date: input.date,
      month: input.date.slice(0, 7),
      theme: input.theme,
      startTime: input.startTime,
      endTime: input.endTime,
      pointsPerVolunteer: input.pointsPerVolunteer,
      state: 'PLANNED',
      stalls,
      agreements: [],
      attendance: [],
      problems: [],
      figures: null,
      talliedAt: null,
      history: [{ state: 'PLANNED', at: now, by: claims.sub }],
      version: 1,
      updatedAt: now,
      outbox: [],
    };
    day.outbox = [serviceDayRecord(day, 'PLANNED', now)];
    await createOrConflict(
      this.model,
      day,
      `${branch.name} already has a service day on ${input.date}`,
      this.relay,
    );
    return this.get(String(day._id));
  }

  async signAgreement(input: SignServiceAgreementInput, claims: Claims): Promise<ServiceDay> {
    const day = await this.changeable(input.serviceDayId, claims, 'signing an agreement', OPEN);
    const field = 'input.partyId';
    if (input.partyKind === 'UNIT') {
      const branch = await this.access.known(String(day.branchId), 'input.serviceDayId');
      await this.access.organization(input.partyId, field, (u) => unitProblem(u, branch));
    }
    if (input.partyKind === 'HELP_TEAM')
      await this.parties.helpTeam(input.partyId, day.communityId, field);
    if (
      day.agreements.some(
        (a) => a.partyKind === input.partyKind && String(a.partyId) === input.partyId,
      )
    )
      throw conflict(`${input.partyKind} ${input.partyId} has already signed for this service day`);
    const agreement = {
      _id: new Types.ObjectId(),
      partyKind: input.partyKind,
      partyId: new Types.ObjectId(input.partyId),
      signedAt: new Date(),
      recordedBy: claims.sub,
    };
    return this.change(day, 'signing an agreement', OPEN, { $push: { agreements: agreement } });
  }

  async hold(id: string, claims: Claims): Promise<ServiceDay> {
    const day = await this.get(id);
    await this.requireBranchAdmin(claims, day.branchId);
    SERVICE_DAY_STEPS.requireStep(day.state, 'hold');
    const now = new Date();
    if (day.date > shanghaiDate(now))
      throw badUserInput([
        { field: 'id', message: `is on ${day.date}: it cannot be held before that day` },
      ]);
    return this.step(day, 'hold', claims, now, {}, [serviceDayRecord(day, 'HELD', now)]);
  }

  async recordAttendance(
    input: RecordServiceDayAttendanceInput,
    claims: Claims,
  ): Promise<ServiceDay> {
    const what = 'recording attendance';
    const day = await this.changeable(input.serviceDayId, claims, what, HELD);
    const errors: FieldError[] = [];
    const twice = new Set(duplicates(input.volunteers.map((v) => v.memberId)));
    const present = new Set(day.attendance.map((a) => String(a.memberId)));
    const stalls = new Set(day.stalls.map((s) => String(s._id)));
    const parties = {
      unitIds: day.agreements.filter((a) => a.partyKind === 'UNIT').map((a) => String(a.partyId)),
      memberIds: day.agreements
        .filter((a) => a.partyKind === 'MEMBER')
        .map((a) => String(a.partyId)),
    };
    const now = new Date();
    const entries: Attendance[] = input.volunteers.map((v, i) => {
      const at = `input.volunteers.${i}`;
      if (twice.has(v.memberId))
        errors.push({ field: `${at}.memberId`, message: 'is listed twice' });
      else if (present.has(v.memberId))
        errors.push({ field: `${at}.memberId`, message: 'is already recorded present' });
      else if (!coveredByAgreement(parties, v.memberId, v.unitId))
        errors.push({
          field: `${at}.memberId`,
          message: v.unitId
            ? 'has signed no service agreement, and neither has its unit'
            : 'has signed no service agreement (give the unit that signed for it)',
        });
      if (v.stallId && !stalls.has(v.stallId))
        errors.push({ field: `${at}.stallId`, message: 'is not a stall of this service day' });
      return {
        _id: new Types.ObjectId(),
        memberId: new Types.ObjectId(v.memberId),
        unitId: oid(v.unitId),
        stallId: oid(v.stallId),
        minutes: v.minutes ?? serviceMinutes(day.startTime, day.endTime),
        recordedAt: now,
        recordedBy: claims.sub,
      };
    });
    if (errors.length) throw badUserInput(errors);
    return this.change(day, what, HELD, { $push: { attendance: { $each: entries } } });
  }

  async recordFigures(input: RecordServiceDayFiguresInput, claims: Claims): Promise<ServiceDay> {
    const what = 'recording the figures';
    const day = await this.changeable(input.serviceDayId, claims, what, HELD);
    const figures = {
      services: input.services,
      beneficiaries: input.beneficiaries,
      satisfaction: input.satisfaction,
      recordedAt: new Date(),
      recordedBy: claims.sub,
    };
    return this.change(day, what, HELD, { $set: { figures } });
  }

  /**
   * A problem collected at a stall becomes a service request of the day's community, accepted on
   * the spot (due in five working days) and linked back to the day. The request is written
   * first, unpublished; should the day have moved on meanwhile, it is withdrawn again.
   */
  async collectProblem(
    input: CollectServiceDayProblemInput,
    claims: Claims,
  ): Promise<ServiceRequest> {
    const what = 'collecting a problem';
    const day = await this.changeable(input.serviceDayId, claims, what, HELD);
    if (input.stallId && !day.stalls.some((s) => String(s._id) === input.stallId))
      throw badUserInput([
        { field: 'input.stallId', message: 'is not a stall of this service day' },
      ]);
    if (!day.communityId)
      throw badUserInput([
        { field: 'input.serviceDayId', message: 'belongs to a branch under no community (社区)' },
      ]);
    const now = new Date();
    const request = await this.requests.create(
      {
        communityId: day.communityId,
        title: input.title,
        description: input.description,
        category: input.category,
        channel: 'SERVICE_DAY',
        reportedAt: now,
      },
      claims,
      { acceptedAt: now, serviceDayId: day._id, kick: false },
    );
    const problem = { requestId: request._id, stallId: oid(input.stallId), collectedAt: now };
    try {
      await this.change(day, what, HELD, { $push: { problems: problem } });
    } catch (error) {
      await this.requests.withdrawCreated(request._id);
      throw error;
    }
    // Its events go out once the day holds it (the relay's own sweep may be first, rarely).
    this.requests.publish(request._id);
    return request;
  }

  /**
   * 确认签字: the record is final. The same write carries the day's event and one approved
   * check-in per volunteer present, so each earns its points exactly once; then the figures go
   * into the read models (retried at start-up should this process stop in between).
   */
  async signOff(id: string, claims: Claims): Promise<ServiceDay> {
    const day = await this.get(id);
    await this.requireBranchAdmin(claims, day.branchId);
    SERVICE_DAY_STEPS.requireStep(day.state, 'signOff');
    if (!day.figures)
      throw badUserInput([
        { field: 'id', message: 'has no figures recorded yet (recordServiceDayFigures)' },
      ]);
    const now = new Date();
    const records = [
      serviceDayRecord(day, 'SIGNED_OFF', now),
      ...day.attendance.map((a) => attendanceRecord(day, a, now)),
    ];
    const signed = await this.step(day, 'signOff', claims, now, {}, records);
    await this.stats.tally(signed);
    return this.get(id);
  }

  async cancel(input: CancelServiceDayInput, claims: Claims): Promise<ServiceDay> {
    const day = await this.get(input.serviceDayId);
    await this.requireBranchAdmin(claims, day.branchId);
    SERVICE_DAY_STEPS.requireStep(day.state, 'cancel');
    const now = new Date();
    return this.step(
      day,
      'cancel',
      claims,
      now,
      { cancelReason: input.reason },
      [serviceDayRecord(day, 'CANCELLED', now)],
      input.reason,
    );
  }

  // ---- helpers ---------------------------------------------------------------------------

  private requireBranchAdmin(claims: Claims, branchId: Types.ObjectId | string) {
    return this.access.require(
      claims,
      branchId,
      canAdminister,
      `Only the admins of branch ${String(branchId)} may manage its service days`,
    );
  }

  private async changeable(
    id: string,
    claims: Claims,
    what: string,
    allowed: readonly ServiceDayState[],
  ): Promise<ServiceDay> {
    const day = await this.get(id);
    await this.requireBranchAdmin(claims, day.branchId);
    const problem = changeProblem(day.state, what, allowed);
    if (problem) throw conflict(problem);
    return day;
  }

  /** A change that is no step, guarded by the state and the version read. */
  private async change(
    day: ServiceDay,
    what: string,
    allowed: readonly ServiceDayState[],
    update: Record<string, unknown>,
  ): Promise<ServiceDay> {
    const set = { ...(update.$set as object), updatedAt: new Date() };
    await updateOrConflict(
      this.model,
      { _id: day._id, version: day.version, state: { $in: allowed } },
      { ...update, $set: set, $inc: { version: 1 } },
      async () => {
        const now = await this.get(String(day._id));
        return (
          changeProblem(now.state, what, allowed) ??
          `Service day ${String(day._id)} changed concurrently; read it again and retry`
        );
      },
    );
    return this.get(String(day._id));
  }

  private async step(
    day: ServiceDay,
    step: ServiceDayStep,
    claims: Claims,
    at: Date,
    set: Partial<ServiceDay>,
    records: OutboxRecord[],
    note?: string,
  ): Promise<ServiceDay> {
    const { to } = SERVICE_DAY_STEPS.steps[step];
    await transition(this.model, {
      steps: SERVICE_DAY_STEPS,
      step,
      id: day._id,
      // The version too: a step taken on a record read before a concurrent edit would sign off
      // figures the admin has not seen.
      guards: { version: day.version },
      set: { ...set, updatedAt: at },
      inc: { version: 1 },
      push: {
        history: { state: to, at, by: claims.sub, note: note ?? null },
        outbox: { $each: records },
      },
      what: 'Service day',
    });
    this.relay.kick(String(day._id));
    return this.get(String(day._id));
  }
}
