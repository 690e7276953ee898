import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type mongo } from 'mongoose';
import { bulkWrite } from '../read-model/bulk';
import type { MeetingTallyEntry } from './compliance';
import { MEETING_MODEL, type Meeting } from './meeting.schema';
import {
  MEETING_TALLY_MODEL,
  MEMBER_MEETING_YEAR_MODEL,
  memberYearId,
  tallyId,
  type MeetingTally,
  type MemberAttendanceEntry,
  type MemberMeetingYear,
} from './meeting-tally.schema';

/** `_id`s per `$in` read: a subtree of thousands of branches over a year is a few reads. */
const IDS_PER_READ = 1000;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * A keyed entry of a read-model document, replaced only by a newer version: applying the same
 * meeting twice, or an older state after a newer one, changes nothing. A first entry upserts the
 * document; losing that race to a concurrent upsert is a duplicate key, retried once.
 */
function guardedSet(
  _id: string,
  path: string,
  version: number,
  set: Record<string, unknown>,
): mongo.AnyBulkWriteOperation<any> {
  return {
    updateOne: {
      filter: {
        _id,
        $or: [{ [path]: { $exists: false } }, { [`${path}.version`]: { $lt: version } }],
      },
      update: { $set: set },
      upsert: true,
    },
  };
}

const tallyEntry = (m: Meeting): MeetingTallyEntry => ({
  kind: m.kind,
  version: m.version,
  present: m.attendance.filter((a) => a.status === 'PRESENT').length,
  onLeave: m.attendance.filter((a) => a.status === 'ON_LEAVE').length,
  absent: m.attendance.filter((a) => a.status === 'ABSENT').length,
});

/**
 * The read models of organizational life: per branch and month the meetings held and their
 * attendance (the compliance view), per member and year the member's attendance (its home
 * record, floating attendance included). Each is derived from the meeting documents alone.
 */
@Injectable()
export class MeetingTallies {
  private readonly logger = new Logger(MeetingTallies.name);

  constructor(
    @InjectModel(MEETING_MODEL) private readonly meetings: Model<Meeting>,
    @InjectModel(MEETING_TALLY_MODEL) private readonly tallies: Model<MeetingTally>,
    @InjectModel(MEMBER_MEETING_YEAR_MODEL) private readonly years: Model<MemberMeetingYear>,
  ) {}

  /** Applies the meetings' current states: one bulk write per read model. */
  async apply(meetings: readonly Meeting[]): Promise<void> {
    const tallyOps = meetings.map((m) => {
      const month = m.heldOn.slice(0, 7);
      const path = `meetings.${String(m._id)}`;
      return guardedSet(tallyId(m.organizationId, month), path, m.version, {
        organizationId: m.organizationId,
        month,
        [path]: tallyEntry(m),
      });
    });
    const yearOps = meetings.flatMap((m) =>
      m.attendance.map((a) => {
        const year = Number(m.heldOn.slice(0, 4));
        const path = `entries.${String(a._id)}`;
        const entry: MemberAttendanceEntry = {
          meetingId: String(m._id),
          organizationId: String(m.organizationId),
          kind: m.kind,
          heldOn: m.heldOn,
          status: a.status,
          floating: a.floating,
          version: a.version,
        };
        return guardedSet(memberYearId(a.memberId, year), path, a.version, {
          memberId: a.memberId,
          year,
          [path]: entry,
        });
      }),
    );
    await Promise.all([
      this.write(this.tallies.collection, tallyOps),
      this.write(this.years.collection, yearOps),
    ]);
  }

  /** Applies the meetings of these ids as they are stored now (the consumer's path). */
  async applyIds(ids: readonly string[]): Promise<void> {
    const valid = [...new Set(ids)].filter((id) => Types.ObjectId.isValid(id));
    if (!valid.length) return;
    const found = await this.meetings
      .find({ _id: { $in: valid } }, { outbox: 0, minutes: 0 })
      .lean<Meeting[]>();
    await this.apply(found);
  }

  /**
   * After a write: the writer's own reads see it counted; a failure leaves the meeting to the
   * consumer (its event is in the same write), so it is logged, not thrown.
   */
  async afterWrite(meeting: Meeting): Promise<void> {
    try {
      await this.apply([meeting]);
    } catch (error) {
      this.logger.warn(`meeting ${meeting._id} not tallied yet: ${String(error)}`);
    }
  }

  /** Branch months by `_id` (tallyId), in batches. */
  branchMonths(ids: readonly string[]): Promise<MeetingTally[]> {
    return this.byIds(this.tallies, ids);
  }

  /** Member years by `_id` (memberYearId), in batches. */
  memberYears(ids: readonly string[]): Promise<MemberMeetingYear[]> {
    return this.byIds(this.years, ids);
  }

  private async byIds<T>(model: Model<T>, ids: readonly string[]): Promise<T[]> {
    const reads = chunks([...new Set(ids)], IDS_PER_READ).map((batch) =>
      model.find({ _id: { $in: batch } }).lean<T[]>(),
    );
    return (await Promise.all(reads)).flat();
  }

  private async write(
    collection: mongo.Collection<any>,
    ops: mongo.AnyBulkWriteOperation<any>[],
  ): Promise<void> {
    const lost = await bulkWrite(collection, ops);
    // A second loss is the version guard refusing an older state: nothing to do.
    if (lost.length)
      await bulkWrite(
        collection,
        lost.map((i) => ops[i]),
      );
  }
}
