import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { guardedSet, readByIds, writeGuarded } from '../read-model/bulk';
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
      writeGuarded(this.tallies.collection, tallyOps),
      writeGuarded(this.years.collection, yearOps),
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
    return readByIds(this.tallies, ids);
  }

  /** Member years by `_id` (memberYearId), in batches. */
  memberYears(ids: readonly string[]): Promise<MemberMeetingYear[]> {
    return readByIds(this.years, ids);
  }
}
