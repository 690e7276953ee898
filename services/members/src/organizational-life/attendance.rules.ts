import type { FieldError } from '@jiceng/graphql';
import type { Types } from 'mongoose';
import { ATTENDING_STATUSES, type AttendanceStatus } from './organizational-life.enums';

export interface AttendanceEntryInput {
  memberId: string;
  status: AttendanceStatus;
  reason?: string;
}

/** What the rules need to know of a member. */
export interface AttendingMember {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  status: string;
  floating?: { projectBranchId: Types.ObjectId };
}

/**
 * How a member attends a branch's meetings: as one of its members (HOME), as a floating member
 * assigned to it (FLOATING, counted for the member's home record too), or not at all (null).
 */
export function attendanceRole(
  member: AttendingMember,
  branchId: Types.ObjectId,
): 'HOME' | 'FLOATING' | null {
  if (member.organizationId.equals(branchId)) return 'HOME';
  if (member.floating?.projectBranchId.equals(branchId)) return 'FLOATING';
  return null;
}

/** A reason goes with ON_LEAVE, and only with it. */
export function reasonProblem(
  status: AttendanceStatus,
  reason: string | undefined,
  field: string,
): FieldError | null {
  if (status === 'ON_LEAVE' && !reason)
    return { field, message: 'is required when the status is ON_LEAVE (请假)' };
  if (status !== 'ON_LEAVE' && reason)
    return { field, message: 'is given only when the status is ON_LEAVE (请假)' };
  return null;
}

/** Every problem of a meeting's attendance list, field by field (`input.attendance.2.memberId`). */
export function attendanceProblems(
  entries: readonly AttendanceEntryInput[],
  members: ReadonlyMap<string, AttendingMember>,
  branchId: Types.ObjectId,
  field = 'input.attendance',
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = `${field}.${i}`;
    const member = members.get(entry.memberId);
    if (seen.has(entry.memberId))
      problems.push({ field: `${at}.memberId`, message: 'appears twice in the attendance' });
    else if (!member) problems.push({ field: `${at}.memberId`, message: 'is not a known member' });
    else if (!ATTENDING_STATUSES.includes(member.status))
      problems.push({
        field: `${at}.memberId`,
        message: 'is not a full or probationary member (正式党员, 预备党员)',
      });
    else if (!attendanceRole(member, branchId))
      problems.push({
        field: `${at}.memberId`,
        message: "is neither a member of the meeting's branch nor a floating member assigned to it",
      });
    seen.add(entry.memberId);
    const reason = reasonProblem(entry.status, entry.reason, `${at}.reason`);
    if (reason) problems.push(reason);
  });
  return problems;
}

/** A meeting or a decision is recorded after the day it happened, never ahead. */
export function notInFuture(day: string, today: string, field: string): FieldError[] {
  return day > today ? [{ field, message: 'must not be in the future (Asia/Shanghai)' }] : [];
}
