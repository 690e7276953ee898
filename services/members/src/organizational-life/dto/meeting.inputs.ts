import { IsEnum, IsMongoId, IsOptional } from 'class-validator';
import { IsIsoDate } from '@jiceng/calendar';
import { IsLine, IsName, IsText, ListOf } from '@jiceng/graphql';
import {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  type AttendanceStatus,
  type MeetingKind,
} from '../organizational-life.enums';

/** A branch's 党员大会 with every member and floating member fits; more is a mistake. */
export const MAX_ATTENDANCE = 500;
const REASON = { min: 2, max: 200 };

export class AttendanceInput {
  @IsMongoId()
  memberId!: string;

  @IsEnum(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  /** Why the member is on leave; ON_LEAVE only (the service checks the pairing). */
  @IsOptional()
  @IsLine(REASON)
  reason?: string;
}

export class RecordMeetingInput {
  @IsMongoId()
  organizationId!: string;

  @IsEnum(MEETING_KINDS)
  kind!: MeetingKind;

  @IsIsoDate()
  heldOn!: string;

  @IsLine()
  place!: string;

  @IsLine()
  topic!: string;

  @IsName({ max: 50 })
  leader!: string;

  @IsOptional()
  @IsText()
  minutes?: string;

  @ListOf(() => AttendanceInput, { min: 1, max: MAX_ATTENDANCE })
  attendance!: AttendanceInput[];
}

/** One member's attendance as it should have been recorded. */
export class CorrectAttendanceInput extends AttendanceInput {
  @IsMongoId()
  meetingId!: string;

  /** Why the record was wrong (更正说明). */
  @IsLine({ min: 2, max: 200 })
  note!: string;
}
