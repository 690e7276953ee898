import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { shanghaiDate } from '@jiceng/calendar';
import { badUserInput, forbidden, notFound, type FieldError } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { updateOrConflict } from '@jiceng/workflow';
import { managesPath } from '../member/member-access';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import { holderOn, isOnTime, monthOfDay } from './household-contact.rules';
import { assertManagesGrids, isHolder } from './household-contacts.access';
import { visitRecord } from './household-contacts.events';
import {
  HOUSEHOLD_VISIT_MODEL,
  VISIT_PROJECTION,
  householdKey,
  type HouseholdVisit,
} from './household-contacts.schema';
import { stepsOf } from './household-stats';
import { HouseholdRosterService } from './household-roster.service';
import { HouseholdTallies } from './household-tallies';
import type {
  RecordHouseholdVisitInput,
  ResolveHouseholdProblemInput,
} from './dto/household-contacts.inputs';

/** Visits (走访) of households and the problems they found. */
@Injectable()
export class HouseholdVisitsService {
  constructor(
    @InjectModel(HOUSEHOLD_VISIT_MODEL) private readonly model: Model<HouseholdVisit>,
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    private readonly rosters: HouseholdRosterService,
    private readonly tallies: HouseholdTallies,
    private readonly relay: OutboxRelays,
  ) {}

  /**
   * A visit by the member who held the household on the day (the duty is that member's), recorded
   * by that member or by an ORG_ADMIN of the grid or above: one insert with its event.
   */
  async record(input: RecordHouseholdVisitInput, claims: Claims): Promise<HouseholdVisit> {
    if (claims.role !== 'MEMBER')
      assertManagesGrids(claims, "or the household's member records visits");
    const { roster, household } = await this.rosters.household(
      input.householdId,
      'input.householdId',
    );
    const holder = holderOn(stepsOf(household), input.visitedOn);
    if (!managesPath(claims, roster.organizationPath) && !isHolder(claims, holder))
      throw forbidden(
        "Only the household's member, ADMIN or an ORG_ADMIN of the grid or above records its visits",
      );
    const problems: FieldError[] = [];
    if (input.visitedOn > shanghaiDate(new Date()))
      problems.push({ field: 'input.visitedOn', message: 'must not be in the future' });
    else if (!holder)
      problems.push({
        field: 'input.visitedOn',
        message: 'is a day the household had no member assigned',
      });
    if (problems.length) throw badUserInput(problems);

    // The member's branch as it stands, carried by the event (ids only) for the ledger's branch
    // share, as an attendance carries the member's home branch.
    const member = await this.members
      .findById(holder, { organizationId: 1 })
      .lean<Pick<Member, 'organizationId'>>();
    const now = new Date();
    const visit: HouseholdVisit = {
      _id: new Types.ObjectId(),
      gridId: roster._id,
      gridPath: roster.organizationPath,
      householdId: householdKey(roster._id, household._id),
      memberId: new Types.ObjectId(holder as string),
      ...(member && { branchId: member.organizationId }),
      visitedOn: input.visitedOn,
      month: monthOfDay(input.visitedOn),
      onTime: isOnTime(input.visitedOn),
      duties: input.duties,
      ...(input.note && { note: input.note }),
      ...(input.problem && {
        problem: { description: input.problem.description, category: input.problem.category },
      }),
      recordedBy: claims.sub,
      version: 1,
      createdAt: now,
      updatedAt: now,
      outbox: [],
    };
    visit.outbox = [visitRecord('jiceng.members.household-visit.recorded', visit)];
    await this.model.create(visit);
    this.relay.kick(String(visit._id));
    await this.tallies.afterWrite({ visit });
    return visit;
  }

  /** The problem a visit found marked solved: version 2 of the visit, with its event. */
  async resolve(input: ResolveHouseholdProblemInput, claims: Claims): Promise<HouseholdVisit> {
    assertManagesGrids(claims, 'marks problems solved');
    const visit = await this.model.findById(input.visitId, VISIT_PROJECTION).lean<HouseholdVisit>();
    if (!visit) throw notFound('Household visit', input.visitId);
    if (!managesPath(claims, visit.gridPath))
      throw forbidden('Only ADMIN or an ORG_ADMIN of the grid or above marks its problems solved');
    const problems: FieldError[] = [];
    if (!visit.problem) problems.push({ field: 'input.visitId', message: 'found no problem' });
    else if (visit.problem.solvedOn)
      problems.push({
        field: 'input.visitId',
        message: `is solved already (${visit.problem.solvedOn})`,
      });
    if (input.solvedOn > shanghaiDate(new Date()))
      problems.push({ field: 'input.solvedOn', message: 'must not be in the future' });
    else if (input.solvedOn < visit.visitedOn)
      problems.push({
        field: 'input.solvedOn',
        message: `must not be before the visit (${visit.visitedOn})`,
      });
    if (problems.length) throw badUserInput(problems);

    return this.markSolved(visit, {
      solvedOn: input.solvedOn,
      solution: input.solution,
      solvedBy: claims.sub,
    });
  }

  /**
   * 核查结案 of the service request a visit's problem opened in volunteering (its id is the
   * visit's): the problem counts solved on the closing day. False when there is nothing to do: a
   * visit of another members database (the topic is shared), one without a problem, or one
   * solved already, by hand or by an earlier delivery of the event.
   */
  async solvedByServiceRequest(requestId: string, visitId: string, at: Date): Promise<boolean> {
    const visit = await this.model.findById(visitId, VISIT_PROJECTION).lean<HouseholdVisit>();
    if (!visit?.problem || visit.problem.solvedOn) return false;
    const closedOn = shanghaiDate(at);
    await this.markSolved(visit, {
      // Never before the visit, whatever the clocks say.
      solvedOn: closedOn < visit.visitedOn ? visit.visitedOn : closedOn,
      solution: '群众诉求核查结案',
      solvedBy: `volunteering:service-request:${requestId}`,
    });
    return true;
  }

  /** Version 2 of the visit, its problem solved, with its event and tallies. */
  private async markSolved(
    visit: HouseholdVisit,
    solved: { solvedOn: string; solution: string; solvedBy: string },
  ): Promise<HouseholdVisit> {
    const now = new Date();
    const next: HouseholdVisit = {
      ...visit,
      problem: { ...visit.problem!, ...solved },
      version: visit.version + 1,
      updatedAt: now,
    };
    await updateOrConflict(
      this.model,
      { _id: visit._id, version: visit.version },
      {
        $set: { problem: next.problem, version: next.version, updatedAt: now },
        $push: { outbox: visitRecord('jiceng.members.household-problem.resolved', next) },
      },
      `Visit ${String(visit._id)} was changed concurrently; read it again and retry`,
      { relay: this.relay },
    );
    await this.tallies.afterWrite({ visit: next });
    return next;
  }

  findByIds(ids: readonly string[]): Promise<HouseholdVisit[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }, VISIT_PROJECTION).lean<HouseholdVisit[]>();
  }
}
