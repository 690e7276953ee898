import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  type AttendanceStatus,
  type MeetingKind,
} from './organizational-life.enums';

export const MEETING_MODEL = 'Meeting';

export interface AttendanceCorrection {
  from: AttendanceStatus;
  to: AttendanceStatus;
  note: string;
  by: string;
  at: Date;
}

/** One member's attendance; `_id` is the attendance fact's id, stable across corrections. */
export interface AttendanceRecord {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  /** The member's home branch when recorded (the meeting's branch unless floating). */
  homeOrganizationId: Types.ObjectId;
  floating: boolean;
  status: AttendanceStatus;
  /** Why the member was on leave (ON_LEAVE only); stays in this service, never in events. */
  reason?: string;
  /** 1 when recorded, +1 per correction. */
  version: number;
  corrections: AttendanceCorrection[];
}

/** A meeting of a branch, with its attendance: one document, one atomic write with its event. */
export interface Meeting {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  /** The branch's path including itself. */
  organizationPath: Types.ObjectId[];
  kind: MeetingKind;
  /** The Shanghai calendar day it was held, YYYY-MM-DD. */
  heldOn: string;
  place: string;
  topic: string;
  /** Who led it (主持人), as written. */
  leader: string;
  minutes?: string;
  attendance: AttendanceRecord[];
  recordedBy: string;
  /** +1 per correction of any attendance. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const correction = new Schema<AttendanceCorrection>(
  {
    from: { type: String, enum: ATTENDANCE_STATUSES, required: true },
    to: { type: String, enum: ATTENDANCE_STATUSES, required: true },
    note: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);
const attendance = new Schema<AttendanceRecord>({
  memberId: { type: Schema.Types.ObjectId, required: true },
  homeOrganizationId: { type: Schema.Types.ObjectId, required: true },
  floating: { type: Boolean, required: true },
  status: { type: String, enum: ATTENDANCE_STATUSES, required: true },
  reason: String,
  version: { type: Number, required: true },
  corrections: { type: [correction], default: [] },
});

export const meetingSchema = new Schema<Meeting>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    organizationPath: { type: [Schema.Types.ObjectId], required: true },
    kind: { type: String, enum: MEETING_KINDS, required: true },
    heldOn: { type: String, required: true },
    place: { type: String, required: true },
    topic: { type: String, required: true },
    leader: { type: String, required: true },
    minutes: String,
    attendance: { type: [attendance], default: [] },
    recordedBy: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'meetings', versionKey: false },
);
withOutbox(meetingSchema);

// Requests read meetings by _id only (the tallies name them); these are for MongoDB itself:
// a branch's meetings by day, and a member's attendance (an audit or a rebuild of the tallies).
meetingSchema.index({ organizationPath: 1, heldOn: -1, _id: 1 });
meetingSchema.index({ 'attendance.memberId': 1, heldOn: 1 });

export const MEETING_PROJECTION = { outbox: 0 } as const;
export const MEETING_PATH_FIELDS = ['organizationPath'] as const;
