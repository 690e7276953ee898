import { Schema, type Types } from 'mongoose';
import type { MeetingTallyEntry } from './compliance';
import type { AttendanceStatus, MeetingKind } from './organizational-life.enums';

// Read models of organizational life, kept from the meetings (after each write, and by the
// service's consumer of its own topic). Both are read by `_id` only, composed from their keys,
// so the compliance view for a subtree and a period is a batch of `_id: { $in }` reads.

export const MEETING_TALLY_MODEL = 'MeetingTally';
export const MEMBER_MEETING_YEAR_MODEL = 'MemberMeetingYear';

/** A branch's month: `_id` is `<branchId>:<YYYY-MM>`. */
export interface MeetingTally {
  _id: string;
  organizationId: Types.ObjectId;
  month: string;
  /** By meeting id. */
  meetings: Record<string, MeetingTallyEntry>;
}

export interface MemberAttendanceEntry {
  meetingId: string;
  /** The branch that held the meeting (a project branch for a floating member). */
  organizationId: string;
  kind: MeetingKind;
  heldOn: string;
  status: AttendanceStatus;
  floating: boolean;
  /** The attendance fact's version the entry was taken from. */
  version: number;
}

/** A member's year: `_id` is `<memberId>:<YYYY>`; the member's home record of attendance. */
export interface MemberMeetingYear {
  _id: string;
  memberId: Types.ObjectId;
  year: number;
  /** By attendance id. */
  entries: Record<string, MemberAttendanceEntry>;
}

export const tallyId = (organizationId: Types.ObjectId | string, month: string) =>
  `${String(organizationId)}:${month}`;
export const memberYearId = (memberId: Types.ObjectId | string, year: number) =>
  `${String(memberId)}:${year}`;

export const meetingTallySchema = new Schema<MeetingTally>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    month: { type: String, required: true },
    meetings: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'meeting_tallies', versionKey: false, minimize: false },
);

export const memberMeetingYearSchema = new Schema<MemberMeetingYear>(
  {
    _id: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    entries: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'member_meeting_years', versionKey: false, minimize: false },
);
