import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type mongo } from 'mongoose';
import { guardedSet, readByIds, writeGuarded } from '../read-model/bulk';
import {
  HOUSEHOLD_ROSTER_MODEL,
  HOUSEHOLD_VISIT_MODEL,
  ROSTER_PROJECTION,
  VISIT_PROJECTION,
  type HouseholdRoster,
  type HouseholdVisit,
} from './household-contacts.schema';
import {
  HOUSEHOLD_CONTACT_MEMBER_MODEL,
  HOUSEHOLD_GRID_MONTH_MODEL,
  gridMonthId,
  type HouseholdContactMember,
  type HouseholdGridMonth,
  type VisitTallyEntry,
} from './household-tally.schema';

const entryOf = (v: HouseholdVisit): VisitTallyEntry => ({
  householdId: v.householdId,
  memberId: String(v.memberId),
  visitedOn: v.visitedOn,
  onTime: v.onTime,
  problem: v.problem?.category ?? null,
  solved: !!v.problem?.solvedOn,
  version: v.version,
});

/**
 * The read models of household contacts: per grid and month the visits (the stats and every
 * member's duty are computed from them and the grid's roster), per member the grids it held
 * households in. Each is derived from the visit and roster documents alone, so applying them
 * again (the consumer) changes nothing.
 */
@Injectable()
export class HouseholdTallies {
  private readonly logger = new Logger(HouseholdTallies.name);

  constructor(
    @InjectModel(HOUSEHOLD_VISIT_MODEL) private readonly visits: Model<HouseholdVisit>,
    @InjectModel(HOUSEHOLD_ROSTER_MODEL) private readonly rosters: Model<HouseholdRoster>,
    @InjectModel(HOUSEHOLD_GRID_MONTH_MODEL) private readonly months: Model<HouseholdGridMonth>,
    @InjectModel(HOUSEHOLD_CONTACT_MEMBER_MODEL)
    private readonly contactMembers: Model<HouseholdContactMember>,
  ) {}

  /** The visits' current states into their grid months: one bulk write. */
  async applyVisits(visits: readonly HouseholdVisit[]): Promise<void> {
    const ops = visits.map((v) => {
      const path = `visits.${String(v._id)}`;
      return guardedSet(gridMonthId(v.gridId, v.month), path, v.version, {
        organizationId: v.gridId,
        month: v.month,
        [path]: entryOf(v),
      });
    });
    await writeGuarded(this.months.collection, ops);
  }

  /** The grids each roster's members hold households in (entries only ever added). */
  async applyRosters(rosters: readonly HouseholdRoster[]): Promise<void> {
    const ops: mongo.AnyBulkWriteOperation<any>[] = rosters.flatMap((r) =>
      [...new Set(r.households.flatMap((h) => h.history.map((c) => String(c.to))))].map(
        (memberId) => ({
          updateOne: {
            filter: { _id: memberId },
            update: { $set: { [`grids.${String(r._id)}`]: true } },
            upsert: true,
          },
        }),
      ),
    );
    await writeGuarded(this.contactMembers.collection, ops);
  }

  /** Applies the visits of these ids as they are stored now (the consumer's path). */
  async applyVisitIds(ids: readonly string[]): Promise<void> {
    const valid = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    if (!valid.length) return;
    const found = await this.visits
      .find({ _id: { $in: valid } }, VISIT_PROJECTION)
      .lean<HouseholdVisit[]>();
    await this.applyVisits(found);
  }

  /** Applies the rosters of these grids as they are stored now (the consumer's path). */
  async applyRosterIds(ids: readonly string[]): Promise<void> {
    const valid = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    if (!valid.length) return;
    const found = await this.rosters
      .find({ _id: { $in: valid } }, ROSTER_PROJECTION)
      .lean<HouseholdRoster[]>();
    await this.applyRosters(found);
  }

  /**
   * After a write: the writer's own reads see it counted; a failure leaves it to the consumer
   * (its event is in the same write), so it is logged, not thrown.
   */
  async afterWrite(change: { visit?: HouseholdVisit; roster?: HouseholdRoster }): Promise<void> {
    try {
      if (change.visit) await this.applyVisits([change.visit]);
      if (change.roster) await this.applyRosters([change.roster]);
    } catch (error) {
      this.logger.warn(`household contacts not tallied yet: ${String(error)}`);
    }
  }

  /** Grid months by `_id` (gridMonthId), in batches. */
  gridMonths(ids: readonly string[]): Promise<HouseholdGridMonth[]> {
    return readByIds(this.months, ids);
  }

  /** Members' grids by `_id` (the member id), in batches. */
  members(ids: readonly string[]): Promise<HouseholdContactMember[]> {
    return readByIds(this.contactMembers, ids);
  }

  /** Rosters by `_id` (the grid id), in batches. */
  async rostersOf(ids: readonly string[]): Promise<HouseholdRoster[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return readByIds(this.rosters, valid);
  }
}
