import { Injectable } from '@nestjs/common';
import { visibleOrNull } from '@jiceng/auth';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, forbidden, notFound, type Connection, type PageArgs } from '@jiceng/graphql';
import { periodArg, pastOrNow } from '@jiceng/calendar';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { OutboxRelays } from '@jiceng/outbox';
import { FacetPager } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CommunityAccess } from '../community/community-access';
import { WorkCalendarService } from '../work-calendar/work-calendar.service';
import type {
  AcceptServiceRequestInput,
  CloseServiceRequestInput,
  DeclineServiceRequestInput,
  EvaluateServiceRequestInput,
  ReportServiceRequestInput,
  RespondServiceRequestInput,
  ServiceRequestFilter,
} from './dto/service-request.inputs';
import { transition } from '@jiceng/workflow';
import { SERVICE_REQUEST_STEPS, isOverdue, type ServiceRequestStep } from './service-request-steps';
import { serviceRequestRecord } from './service-request.events';
import { summarizeServiceRequests, type ServiceRequestStats } from './service-request-stats';
import {
  SERVICE_REQUEST_MODEL,
  SERVICE_REQUEST_PROJECTION,
  type ServiceRequest,
  type ServiceRequestSource,
} from './service-request.schema';

/** What a new request is made of, whichever path creates it. */
export type RequestDraft = Pick<
  ServiceRequest,
  'communityId' | 'title' | 'description' | 'category' | 'channel' | 'reportedAt'
>;

/** Overdue: open past the due instant, or closed late. */
export function overdueQuery(now: Date): QueryFilter<ServiceRequest> {
  return { $or: [{ closedAt: null, dueAt: { $lt: now } }, { closedLate: true }] };
}

export function notOverdueQuery(now: Date): QueryFilter<ServiceRequest> {
  return {
    closedLate: { $ne: true },
    $or: [{ closedAt: { $ne: null } }, { dueAt: null }, { dueAt: { $gte: now } }],
  };
}

@Injectable()
export class ServiceRequestService {
  private readonly pager: FacetPager<ServiceRequest>;

  constructor(
    @InjectModel(SERVICE_REQUEST_MODEL) private readonly model: Model<ServiceRequest>,
    private readonly access: CommunityAccess,
    private readonly calendar: WorkCalendarService,
    private readonly relays: OutboxRelays,
  ) {
    this.pager = new FacetPager(model, SERVICE_REQUEST_PROJECTION);
  }

  find(id: string): Promise<ServiceRequest | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, SERVICE_REQUEST_PROJECTION).lean<ServiceRequest>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<ServiceRequest> {
    const request = await this.find(id);
    if (!request) throw notFound('Service request', id);
    return request;
  }

  /** The lookup by id (query and entity reference): null when unknown or outside the caller's scope. */
  async getReadable(id: string, claims: Claims): Promise<ServiceRequest | null> {
    // A member's scope is itself: it reads no organization's requests, whatever the id (null is
    // for ids a role that reads requests may not see).
    if (claims.role === 'MEMBER') throw forbidden('A member reads no service requests');
    return visibleOrNull(await this.find(id), (request) =>
      this.access.isReadable(claims, request.communityId),
    );
  }

  /** Organization.serviceRequests of a page of organizations: one aggregation per tick. */
  async ofOrganization(
    ctx: GraphQLContext,
    organizationId: string,
    filter: ServiceRequestFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<ServiceRequest>> {
    const communities = await this.access.communitiesUnder(ctx, organizationId);
    const query: QueryFilter<ServiceRequest> = { communityId: { $in: communities } };
    if (filter?.states?.length) query.state = { $in: filter.states };
    const now = new Date();
    if (filter?.overdue === true) Object.assign(query, overdueQuery(now));
    if (filter?.overdue === false) Object.assign(query, notOverdueQuery(now));
    return this.pager.page(ctx, { filter: query, page });
  }

  /** Figures of the requests accepted in the period under an organization (a community or above). */
  async stats(
    claims: Claims,
    organizationId: string,
    period: string,
  ): Promise<ServiceRequestStats & { period: string }> {
    const { startsAt: from, endsAt: to } = periodArg(period);
    const communities = await this.access.communitiesUnder(claims, organizationId);
    const rows = await this.model
      .find(
        { communityId: { $in: communities }, acceptedAt: { $gte: from, $lt: to } },
        { dueAt: 1, closedAt: 1, satisfaction: 1 },
      )
      .lean<ServiceRequest[]>();
    return { period, ...summarizeServiceRequests(rows, new Date()) };
  }

  isOverdue(request: ServiceRequest): boolean {
    return isOverdue(request, new Date());
  }

  // ---- the loop --------------------------------------------------------------------------

  /** 采集上报 by the community's admin. */
  async report(input: ReportServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    if (input.channel === 'HOUSEHOLD_VISIT')
      throw badUserInput([
        { field: 'input.channel', message: 'is opened by a recorded household visit only' },
      ]);
    // A service day's problems come with the day they were collected at (collectServiceDayProblem).
    if (input.channel === 'SERVICE_DAY')
      throw badUserInput([
        { field: 'input.channel', message: 'SERVICE_DAY requests are collected at a service day' },
      ]);
    const community = await this.access.community(input.communityId, 'input.communityId');
    await this.access.requireAdmin(claims, community._id);
    const reportedAt = pastOrNow(input.reportedAt, 'input.reportedAt', new Date());
    return this.create({ ...input, communityId: community._id, reportedAt }, claims);
  }

  /**
   * The insert of a new request by a caller of this subgraph (the caller has checked the
   * community and its right to act): 采集上报 with its event, as `opened` makes it. With
   * `acceptedAt`, 审查受理 is taken in the same insert, its event too (a problem collected at a
   * service day is accepted on the spot), so the request is due five working days later from the
   * start; `serviceDayId` links it back to the day. `kick: false` leaves publishing to the caller
   * (`publish`), once its own write has landed.
   */
  async create(
    draft: RequestDraft,
    claims: Claims,
    options: { acceptedAt?: Date; serviceDayId?: Types.ObjectId; kick?: boolean } = {},
  ): Promise<ServiceRequest> {
    const { acceptedAt, serviceDayId, kick = true } = options;
    const request = this.opened(
      {
        _id: new Types.ObjectId(),
        communityId: draft.communityId,
        title: draft.title.trim(),
        description: draft.description?.trim() || null,
        category: draft.category,
        channel: draft.channel,
        reportedAt: draft.reportedAt,
        serviceDayId: serviceDayId ?? null,
      },
      claims.sub,
      new Date(),
    );
    if (acceptedAt) {
      const { dueDate, dueAt } = await this.calendar.serviceRequestDueDate(acceptedAt);
      Object.assign(request, { state: 'ACCEPTED', acceptedAt, dueDate, dueAt });
      request.history.push({ state: 'ACCEPTED', at: acceptedAt, by: claims.sub });
      request.outbox?.push(serviceRequestRecord('accept', request, acceptedAt));
    }
    await this.model.create(request);
    if (kick) this.publish(request._id);
    return request;
  }

  /** Publishes a request's pending events now (see `create`'s `kick`). */
  publish(id: Types.ObjectId): void {
    this.relays.kick(String(id));
  }

  /**
   * Removes a request `create` wrote unpublished whose caller could not complete its own write;
   * its events go with it.
   */
  async withdrawCreated(id: Types.ObjectId): Promise<void> {
    await this.model.deleteOne({ _id: id, state: { $in: ['REPORTED', 'ACCEPTED'] } });
  }

  /** How many of these requests are closed (核查结案 or evaluated since): one read by `_id`. */
  countClosed(ids: readonly Types.ObjectId[]): Promise<number> {
    if (!ids.length) return Promise.resolve(0);
    return this.model.countDocuments({ _id: { $in: ids }, closedAt: { $ne: null } });
  }

  /**
   * 采集上报 of a problem a 党员联系户 visit found, by the household-problem consumer: the request's
   * `_id` is the visit's (an ObjectId minted by the members subgraph, unique across both), so a
   * redelivered event meets the `_id` index and opens nothing new. False when it existed already.
   */
  async openFromHouseholdVisit(
    fields: Pick<ServiceRequest, 'communityId' | 'title' | 'category' | 'reportedAt' | 'source'> & {
      source: ServiceRequestSource;
    },
    by: string,
  ): Promise<boolean> {
    const request = this.opened(
      {
        ...fields,
        _id: new Types.ObjectId(fields.source.visitId),
        description: null,
        channel: 'HOUSEHOLD_VISIT',
      },
      by,
      new Date(),
    );
    try {
      await this.model.create(request);
      this.relays.kick(String(request._id));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** A new request in its first state, 采集上报, with that step in its history and its event. */
  private opened(
    fields: Omit<ServiceRequest, 'state' | 'history' | 'updatedAt' | 'outbox'>,
    by: string,
    now: Date,
  ): ServiceRequest {
    return {
      ...fields,
      state: 'REPORTED',
      history: [{ state: 'REPORTED', at: fields.reportedAt, by }],
      updatedAt: now,
      outbox: [serviceRequestRecord('report', fields, fields.reportedAt)],
    };
  }

  /** 审查受理: sets the due date five working days ahead (Chinese calendar). */
  async accept(input: AcceptServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    const request = await this.manageable(input.id, claims, 'accept');
    const at = pastOrNow(input.at, 'input.at', new Date());
    if (at < request.reportedAt)
      throw badUserInput([{ field: 'input.at', message: 'is before the request was reported' }]);
    const { dueDate, dueAt } = await this.calendar.serviceRequestDueDate(at);
    return this.step(request, 'accept', claims, at, { acceptedAt: at, dueDate, dueAt });
  }

  async decline(input: DeclineServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    const request = await this.manageable(input.id, claims, 'decline');
    const now = new Date();
    const reason = input.reason.trim();
    return this.step(
      request,
      'decline',
      claims,
      now,
      { declinedAt: now, declineReason: reason },
      reason,
    );
  }

  /** 处理反馈 */
  async respond(input: RespondServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    const request = await this.manageable(input.id, claims, 'respond');
    const now = new Date();
    const response = input.response.trim();
    return this.step(request, 'respond', claims, now, { respondedAt: now, response }, response);
  }

  /** 核查结案: records whether it closed after its due date. */
  async close(input: CloseServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    const request = await this.manageable(input.id, claims, 'close');
    const now = new Date();
    const note = input.note.trim();
    return this.step(
      request,
      'close',
      claims,
      now,
      {
        closedAt: now,
        closingNote: note,
        closedLate: isOverdue({ dueAt: request.dueAt, closedAt: now }, now),
      },
      note,
    );
  }

  /** 考核评价: the resident's satisfaction, recorded by the community. */
  async evaluate(input: EvaluateServiceRequestInput, claims: Claims): Promise<ServiceRequest> {
    const request = await this.manageable(input.id, claims, 'evaluate');
    const now = new Date();
    const comment = input.comment?.trim() || null;
    return this.step(
      request,
      'evaluate',
      claims,
      now,
      { evaluatedAt: now, satisfaction: input.satisfaction, evaluationComment: comment },
      comment,
    );
  }

  private async manageable(
    id: string,
    claims: Claims,
    step: ServiceRequestStep,
  ): Promise<ServiceRequest> {
    const request = await this.get(id);
    await this.access.requireAdmin(claims, request.communityId);
    SERVICE_REQUEST_STEPS.requireStep(request.state, step);
    return request;
  }

  /** One conditional single-document update per step: of two concurrent steps, one wins. */
  private async step(
    request: ServiceRequest,
    step: ServiceRequestStep,
    claims: Claims,
    at: Date,
    changes: Partial<ServiceRequest>,
    note?: string | null,
  ): Promise<ServiceRequest> {
    const { to } = SERVICE_REQUEST_STEPS.steps[step];
    await transition(this.model, {
      steps: SERVICE_REQUEST_STEPS,
      step,
      id: request._id,
      set: { ...changes, updatedAt: new Date() },
      push: { history: { state: to, at, by: claims.sub, note: note ?? null } },
      outbox: serviceRequestRecord(step, request, at),
      relay: this.relays,
      what: 'Service request',
    });
    return this.get(String(request._id));
  }
}
