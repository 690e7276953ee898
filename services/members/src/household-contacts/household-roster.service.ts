import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { shanghaiDate } from '@jiceng/calendar';
import { badUserInput, forbidden, notFound, type FieldError } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { OrgAccess } from '@jiceng/org-access';
import { pathOf, type OrgNode } from '@jiceng/org-projection';
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import { managesPath } from '../member/member-access';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import { ATTENDING_STATUSES } from '../organizational-life/organizational-life.enums';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import { normalizePhone, phoneProblem } from '../personal-data/phone';
import { MAX_HOUSEHOLDS_PER_MEMBER, assignedOnProblem } from './household-contact.rules';
import { assertManagesGrids, gridProblem } from './household-contacts.access';
import { householdRecord } from './household-contacts.events';
import {
  HOUSEHOLD_ROSTER_MODEL,
  ROSTER_PROJECTION,
  parseHouseholdKey,
  type HouseholdRoster,
  type RosterHousehold,
} from './household-contacts.schema';
import { stepsOf } from './household-stats';
import { HouseholdTallies } from './household-tallies';
import type { AssignHouseholdInput, RegisterHouseholdInput } from './dto/household-contacts.inputs';

type Candidate = Pick<Member, '_id' | 'organizationId' | 'organizationPath' | 'status'>;

const sameAddress = (a: string, b: string) =>
  a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

const holds = (roster: Pick<HouseholdRoster, 'households'> | null, memberId: string) =>
  (roster?.households ?? []).filter((h) => String(h.memberId) === memberId).length;

/**
 * A grid's roster of households: registering and (re)assigning, each one conditional write of
 * the roster (its version) carrying its event, so the cap, the history and the event are never
 * apart.
 */
@Injectable()
export class HouseholdRosterService {
  constructor(
    @InjectModel(HOUSEHOLD_ROSTER_MODEL) private readonly model: Model<HouseholdRoster>,
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    private readonly access: OrgAccess,
    private readonly cipher: PersonalDataCipher,
    private readonly tallies: HouseholdTallies,
    private readonly relay: OutboxRelays,
  ) {}

  async register(input: RegisterHouseholdInput, claims: Claims) {
    assertManagesGrids(claims, 'registers households');
    const grid = await this.access.known(input.organizationId, 'input.organizationId');
    const path = pathOf(grid);
    if (!managesPath(claims, path))
      throw forbidden('Only ADMIN or an ORG_ADMIN of the grid or above registers its households');
    const roster = await this.roster(grid._id);
    const today = shanghaiDate(new Date());
    const problems: FieldError[] = [];
    const gridIssue = grid.status !== 'ACTIVE' ? `${grid.name} is dissolved` : gridProblem(grid);
    if (gridIssue) problems.push({ field: 'input.organizationId', message: gridIssue });
    if (roster?.households.some((h) => sameAddress(h.address, input.address)))
      problems.push({ field: 'input.address', message: 'is registered in this grid already' });
    const phone = input.phone === undefined ? undefined : normalizePhone(input.phone);
    const phoneIssue = input.phone === undefined ? null : phoneProblem(input.phone);
    if (phoneIssue) problems.push({ field: 'input.phone', message: phoneIssue });
    if (input.assignedOn && !input.memberId)
      problems.push({ field: 'input.assignedOn', message: 'goes with memberId' });
    const assignedOn = input.assignedOn ?? today;
    if (input.memberId) {
      const dayIssue = assignedOnProblem([], assignedOn, today);
      if (dayIssue) problems.push({ field: 'input.assignedOn', message: dayIssue });
      problems.push(...(await this.memberProblems(input.memberId, grid, roster, 'input.memberId')));
    }
    if (problems.length) throw badUserInput(problems);

    const now = new Date();
    const memberId = input.memberId ? new Types.ObjectId(input.memberId) : null;
    const household: RosterHousehold = {
      _id: new Types.ObjectId(),
      address: input.address,
      ...(phone && { phone: this.cipher.encrypt('phone', phone) }),
      memberId,
      assignedOn: memberId ? assignedOn : null,
      history: memberId
        ? [{ from: null, to: memberId, on: assignedOn, by: claims.sub, at: now }]
        : [],
      // A household assigned from an earlier day was in the grid since then (a roster entered
      // after the fact, 补录).
      registeredOn: memberId && assignedOn < today ? assignedOn : today,
      createdAt: now,
    };
    const next = await this.write(
      grid,
      roster,
      [...(roster?.households ?? []), household],
      now,
      (r) => householdRecord('jiceng.members.household.registered', r, household, null, now),
    );
    return { roster: next, household };
  }

  async assign(input: AssignHouseholdInput, claims: Claims) {
    assertManagesGrids(claims, 'assigns households');
    const { roster, household } = await this.household(input.householdId, 'input.householdId');
    if (!managesPath(claims, roster.organizationPath))
      throw forbidden('Only ADMIN or an ORG_ADMIN of the grid or above assigns its households');
    const grid = await this.access.known(String(roster._id), 'input.householdId');
    const today = shanghaiDate(new Date());
    const assignedOn = input.assignedOn ?? today;
    const problems: FieldError[] = [];
    if (String(household.memberId) === input.memberId)
      problems.push({ field: 'input.memberId', message: 'holds this household already' });
    else
      problems.push(...(await this.memberProblems(input.memberId, grid, roster, 'input.memberId')));
    const dayIssue = assignedOnProblem(stepsOf(household), assignedOn, today);
    if (dayIssue) problems.push({ field: 'input.assignedOn', message: dayIssue });
    if (problems.length) throw badUserInput(problems);

    const now = new Date();
    const to = new Types.ObjectId(input.memberId);
    const previous = household.memberId;
    const changed: RosterHousehold = {
      ...household,
      memberId: to,
      assignedOn,
      history: [
        ...household.history,
        { from: previous, to, on: assignedOn, by: claims.sub, at: now },
      ],
    };
    const next = await this.write(
      grid,
      roster,
      roster.households.map((h) => (h._id.equals(household._id) ? changed : h)),
      now,
      (r) =>
        householdRecord(
          'jiceng.members.household.assigned',
          r,
          changed,
          previous ? String(previous) : null,
          now,
        ),
    );
    return { roster: next, household: changed };
  }

  /** The household of a client's id with its roster; NOT_FOUND when there is none. */
  async household(key: string, field: string) {
    const parsed = parseHouseholdKey(key);
    const roster = parsed ? await this.roster(new Types.ObjectId(parsed.gridId)) : null;
    const household = roster?.households.find((h) => String(h._id) === parsed?.id);
    if (!roster || !household) {
      if (!parsed) throw badUserInput([{ field, message: 'is not a household id' }]);
      throw notFound('Household', key);
    }
    return { roster, household };
  }

  roster(gridId: Types.ObjectId): Promise<HouseholdRoster | null> {
    return this.model.findById(gridId, ROSTER_PROJECTION).lean<HouseholdRoster>();
  }

  /**
   * The member may take one more household of this grid: a full or probationary member of the
   * grid (or below it), or of the branch a 党小组 belongs to, holding fewer than 15 households
   * (this grid's, as the roster stands, and any other grid's it holds households in).
   */
  private async memberProblems(
    memberId: string,
    grid: OrgNode,
    roster: HouseholdRoster | null,
    field: string,
  ): Promise<FieldError[]> {
    const member = await this.members
      .findById(memberId, { organizationId: 1, organizationPath: 1, status: 1 })
      .lean<Candidate>();
    if (!member) return [{ field, message: 'is not a known member' }];
    const inGrid =
      member.organizationPath.some((id) => id.equals(grid._id)) ||
      (grid.kind === 'GROUP' && !!grid.parentId && member.organizationId.equals(grid.parentId));
    if (!inGrid) return [{ field, message: `is not a member of ${grid.name} or its branch` }];
    if (!ATTENDING_STATUSES.includes(member.status))
      return [{ field, message: 'is not a full or probationary member (党员)' }];
    const [contact] = await this.tallies.members([memberId]);
    const others = Object.keys(contact?.grids ?? {}).filter((g) => g !== String(grid._id));
    const elsewhere = (await this.tallies.rostersOf(others)).reduce(
      (n, r) => n + holds(r, memberId),
      0,
    );
    const held = holds(roster, memberId) + elsewhere;
    if (held >= MAX_HOUSEHOLDS_PER_MEMBER)
      return [
        {
          field,
          message: `holds ${held} households already; a member contacts at most ${MAX_HOUSEHOLDS_PER_MEMBER} (分包联系10—15户)`,
        },
      ];
    return [];
  }

  /**
   * The roster's new households with the event, guarded by the version read (a first roster is an
   * insert, which a concurrent first registration turns into CONFLICT).
   */
  private async write(
    grid: OrgNode,
    roster: HouseholdRoster | null,
    households: RosterHousehold[],
    now: Date,
    event: (r: HouseholdRoster) => ReturnType<typeof householdRecord>,
  ): Promise<HouseholdRoster> {
    const next: HouseholdRoster = {
      _id: grid._id,
      organizationPath: pathOf(grid),
      households,
      version: (roster?.version ?? 0) + 1,
      createdAt: roster?.createdAt ?? now,
      updatedAt: now,
      outbox: [],
    };
    const record = event(next);
    const lost = `The households of ${grid.name} were changed concurrently; read them again and retry`;
    if (!roster)
      await createOrConflict(this.model, { ...next, outbox: [record] }, lost, this.relay);
    else
      await updateOrConflict(
        this.model,
        { _id: roster._id, version: roster.version },
        {
          $set: {
            households: next.households,
            organizationPath: next.organizationPath,
            version: next.version,
            updatedAt: now,
          },
          $push: { outbox: record },
        },
        lost,
        { relay: this.relay },
      );
    await this.tallies.afterWrite({ roster: next });
    return next;
  }
}
