import { Injectable } from '@nestjs/common';
import { pastOrNow } from '@jiceng/calendar';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, conflict, notFound } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { createOrConflict, transition } from '@jiceng/workflow';
import { ServiceRequestService } from '../service-request/service-request.service';
import { SERVICE_REQUEST_STEPS } from '../service-request/service-request-steps';
import { volunteeringEnv } from '../volunteering.env';
import { WorkCalendarService } from '../work-calendar/work-calendar.service';
import type {
  ActOnWhistleInput,
  AnswerWhistleInput,
  BlowWhistleInput,
  EvaluateWhistleInput,
  RaiseWhistleInput,
  ResolveWhistleInput,
  AcceptWhistleInput,
} from './dto/whistle.inputs';
import { WhistleAccess } from './whistle-access';
import { whistleRecord, type WhistleEventKind } from './whistle.events';
import {
  WHISTLE_MODEL,
  WHISTLE_PROJECTION,
  type Whistle,
  type WhistleReport,
} from './whistle.schema';
import {
  isReportOverdue,
  WHISTLE_REPORT_STEPS,
  WHISTLE_STEPS,
  type WhistleReportStep,
  type WhistleStep,
} from './whistle-steps';

/** An answer that lost only to another department's answer (openReports moved) is retried. */
const ANSWER_RETRIES = 3;
/** A service request still in the community's hands: one it could raise further. */
const RAISABLE_REQUEST_STATES = ['REPORTED', 'ACCEPTED', 'RESPONDED'] as const;

const departmentIdsOf = (w: Pick<Whistle, 'reports'>) => w.reports.map((r) => r.departmentId);

/**
 * 吹哨报到's writes. Each step is one conditional single-document write carrying its history
 * entry and its outbox record (the tallies follow from the events, see WhistleTallyConsumer).
 */
@Injectable()
export class WhistleService {
  constructor(
    @InjectModel(WHISTLE_MODEL) private readonly model: Model<Whistle>,
    private readonly access: WhistleAccess,
    private readonly calendar: WorkCalendarService,
    private readonly requests: ServiceRequestService,
    private readonly relays: OutboxRelays,
  ) {}

  find(id: string): Promise<Whistle | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, WHISTLE_PROJECTION).lean<Whistle>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<Whistle> {
    const whistle = await this.find(id);
    if (!whistle) throw notFound('Whistle', id);
    return whistle;
  }

  /** 哨声形成: the village or community raises a problem, from a service request or directly. */
  async raise(input: RaiseWhistleInput, claims: Claims): Promise<Whistle> {
    const request = input.serviceRequestId
      ? await this.raisableRequest(input.serviceRequestId, input.requesterId, claims)
      : null;
    const requesterId = request ? String(request.communityId) : input.requesterId;
    if (!requesterId)
      throw badUserInput([
        { field: 'input.requesterId', message: 'names the village or community raising it' },
      ]);
    const title = input.title?.trim() || request?.title;
    if (!title) throw badUserInput([{ field: 'input.title', message: 'names the problem' }]);
    const { requester, township, county } = await this.access.parties(
      requesterId,
      input.serviceRequestId && !input.requesterId ? 'input.serviceRequestId' : 'input.requesterId',
    );
    await this.access.requireActor(claims, requester._id, 'requester');
    const now = new Date();
    const raisedAt = pastOrNow(input.raisedAt, 'input.raisedAt', now);
    if (request && raisedAt < request.reportedAt)
      throw badUserInput([
        { field: 'input.raisedAt', message: 'is before the service request was reported' },
      ]);
    const whistle: Whistle = {
      // Raised from a request, the problem takes the request's id: a second raise is CONFLICT.
      _id: request ? request._id : new Types.ObjectId(),
      serviceRequestId: request?._id ?? null,
      requesterId: requester._id,
      townshipId: township._id,
      countyId: county._id,
      path: [...requester.ancestorIds, requester._id],
      orgIds: [requester._id, township._id],
      title,
      description: input.description?.trim() || request?.description || null,
      category: input.category,
      state: 'RAISED',
      raisedAt,
      reports: [],
      openReports: 0,
      history: [{ state: 'RAISED', at: raisedAt, by: claims.sub }],
      outbox: [],
      updatedAt: now,
    };
    whistle.outbox = [whistleRecord('raised', { ...whistle, departmentIds: [] }, raisedAt)];
    await createOrConflict(
      this.model,
      whistle,
      `Service request ${input.serviceRequestId} is already raised to the township`,
      this.relays,
    );
    return this.get(String(whistle._id));
  }

  /** 镇级研判: the township resolves the problem itself. */
  async resolve(input: ResolveWhistleInput, claims: Claims): Promise<Whistle> {
    const whistle = await this.actable(input.id, claims, 'township', 'resolve');
    const now = new Date();
    const note = input.note.trim();
    return this.step(whistle, 'resolve', 'resolved', claims, now, {
      set: { resolvedAt: now, resolution: note },
      note,
    });
  }

  /** 吹哨: the township calls departments of its county, each due in N working days. */
  async blow(input: BlowWhistleInput, claims: Claims): Promise<Whistle> {
    const whistle = await this.actable(input.id, claims, 'township', 'whistle');
    const county = await this.access.known(String(whistle.countyId), 'input.id');
    const departments = await this.access.departments(
      input.departmentIds,
      county,
      'input.departmentIds',
    );
    const at = pastOrNow(input.at, 'input.at', new Date());
    if (at < whistle.raisedAt)
      throw badUserInput([{ field: 'input.at', message: 'is before the problem was raised' }]);
    const workingDays = input.workingDays ?? volunteeringEnv().whistleWorkingDays;
    const { dueDate, dueAt } = await this.calendar.dueDate(at, workingDays);
    const reports: WhistleReport[] = departments.map((d) => ({
      departmentId: d._id,
      state: 'ADDRESSED',
      dueDate,
      dueAt,
      history: [{ state: 'ADDRESSED', at, by: claims.sub }],
    }));
    const note = input.note?.trim() || null;
    return this.step({ ...whistle, reports }, 'whistle', 'whistled', claims, at, {
      set: {
        whistledAt: at,
        whistleNote: note,
        workingDays,
        reports,
        openReports: reports.length,
        orgIds: [whistle.requesterId, whistle.townshipId, ...departments.map((d) => d._id)],
      },
      note,
    });
  }

  /** 报到: the department accepts the problem. */
  accept(input: AcceptWhistleInput, claims: Claims): Promise<Whistle> {
    return this.reportStep(input, claims, 'accept', (now) => ({ acceptedAt: now }));
  }

  /** 办理: what the department does about it. */
  act(input: ActOnWhistleInput, claims: Claims): Promise<Whistle> {
    const note = input.note.trim();
    return this.reportStep(input, claims, 'act', (now) => ({ actedAt: now, action: note }), note);
  }

  /** 答复: the department's answer; the last one completes the problem (部门报到). */
  answer(input: AnswerWhistleInput, claims: Claims): Promise<Whistle> {
    const answer = input.answer.trim();
    return this.reportStep(
      input,
      claims,
      'answer',
      (now, report) => ({
        answeredAt: now,
        answer,
        answeredLate: isReportOverdue({ dueAt: report.dueAt, answeredAt: now }, now),
      }),
      answer,
    );
  }

  /** 反馈评价: the village's satisfaction with the outcome. */
  async evaluate(input: EvaluateWhistleInput, claims: Claims): Promise<Whistle> {
    const whistle = await this.actable(input.id, claims, 'requester', 'evaluate');
    const now = new Date();
    const comment = input.comment?.trim() || null;
    return this.step(whistle, 'evaluate', 'evaluated', claims, now, {
      set: { evaluatedAt: now, satisfaction: input.satisfaction, evaluationComment: comment },
      note: comment,
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The open service request to raise; its state is told only to its community's admins. */
  private async raisableRequest(id: string, requesterId: string | undefined, claims: Claims) {
    const request = await this.requests.find(id);
    if (!request)
      throw badUserInput([
        { field: 'input.serviceRequestId', message: 'is not a known service request' },
      ]);
    if (requesterId && String(request.communityId) !== requesterId)
      throw badUserInput([
        { field: 'input.requesterId', message: 'is not the community of the service request' },
      ]);
    await this.access.requireActor(claims, request.communityId, 'requester');
    if (!(RAISABLE_REQUEST_STATES as readonly string[]).includes(request.state))
      throw badUserInput([
        {
          field: 'input.serviceRequestId',
          message: `is ${SERVICE_REQUEST_STEPS.describe(request.state)}: only an open request is raised to the township`,
        },
      ]);
    return request;
  }

  /** The whistle once the caller acts for `role` in it and its state allows the step. */
  private async actable(
    id: string,
    claims: Claims,
    role: 'requester' | 'township',
    step: WhistleStep,
  ): Promise<Whistle> {
    const whistle = await this.get(id);
    await this.access.requireActor(
      claims,
      role === 'requester' ? whistle.requesterId : whistle.townshipId,
      role,
    );
    WHISTLE_STEPS.requireStep(whistle.state, step);
    return whistle;
  }

  /** A step of the problem itself: one conditional write, history and event included. */
  private async step(
    whistle: Whistle,
    step: WhistleStep,
    kind: WhistleEventKind,
    claims: Claims,
    at: Date,
    { set, note }: { set: Partial<Whistle>; note?: string | null },
  ): Promise<Whistle> {
    const { to } = WHISTLE_STEPS.steps[step];
    await transition(this.model, {
      steps: WHISTLE_STEPS,
      step,
      id: whistle._id,
      set: { ...set, updatedAt: new Date() },
      push: { history: { state: to, at, by: claims.sub, note: note ?? null } },
      outbox: whistleRecord(kind, { ...whistle, departmentIds: departmentIdsOf(whistle) }, at),
      relay: this.relays,
      what: 'Whistle',
    });
    return this.get(String(whistle._id));
  }

  /**
   * A department's step on its report. The report is an element of the whistle, so the write is
   * conditional on the element's state (`reports.<i>.state`) rather than the document's, which
   * `transition()` cannot express; it checks `stepProblem` itself and words a lost race the same
   * way. The answer also moves `openReports`, guarded by the count read, so that the last answer
   * takes the problem to REPORTED in the same write; losing only that guard to another
   * department's answer is retried.
   */
  private async reportStep(
    input: AcceptWhistleInput,
    claims: Claims,
    step: WhistleReportStep,
    changes: (now: Date, report: WhistleReport) => Partial<WhistleReport>,
    note: string | null = null,
  ): Promise<Whistle> {
    for (let attempt = 0; ; attempt++) {
      const whistle = await this.get(input.id);
      // Whose report it is comes first: an outsider learns nothing of which departments were whistled.
      await this.access.requireActor(claims, input.departmentId, 'department');
      const index = whistle.reports.findIndex((r) => String(r.departmentId) === input.departmentId);
      if (index < 0)
        throw badUserInput([
          { field: 'input.departmentId', message: 'was not whistled for this problem' },
        ]);
      const report = whistle.reports[index];
      WHISTLE_REPORT_STEPS.requireStep(report.state, step);
      const now = new Date();
      const { to } = WHISTLE_REPORT_STEPS.steps[step];
      const prefix = `reports.${index}`;
      const set: Record<string, unknown> = { [`${prefix}.state`]: to, updatedAt: now };
      for (const [key, value] of Object.entries(changes(now, report)))
        set[`${prefix}.${key}`] = value;
      const last = step === 'answer' && whistle.openReports === 1;
      if (last) Object.assign(set, { state: WHISTLE_STEPS.steps.complete.to, reportedAt: now });
      const kind: WhistleEventKind =
        step === 'accept' ? 'accepted' : step === 'act' ? 'acted' : 'answered';
      const record = whistleRecord(
        kind,
        { ...whistle, departmentIds: departmentIdsOf(whistle) },
        now,
        input.departmentId,
      );
      const result = await this.model.updateOne(
        {
          _id: whistle._id,
          state: 'WHISTLED',
          [`${prefix}.state`]: { $in: WHISTLE_REPORT_STEPS.steps[step].from },
          ...(step === 'answer' && { openReports: whistle.openReports }),
        },
        {
          $set: set,
          $push: {
            [`${prefix}.history`]: { state: to, at: now, by: claims.sub, note },
            ...(last && { history: { state: 'REPORTED', at: now, by: claims.sub, note: null } }),
            outbox: record,
          },
          ...(step === 'answer' && { $inc: { openReports: -1 } }),
        },
      );
      if (result.matchedCount === 1) {
        this.relays.kick(String(whistle._id));
        return this.get(input.id);
      }
      const current = await this.get(input.id);
      const problem = WHISTLE_REPORT_STEPS.stepProblem(current.reports[index].state, step);
      if (problem) throw conflict(problem);
      if (attempt + 1 >= ANSWER_RETRIES)
        throw conflict(`Whistle ${input.id} changed concurrently; read it again and retry`);
    }
  }
}
