import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { shanghaiMonth, shanghaiQuarter } from '@jiceng/calendar';
import type {
  AttendanceFactV1,
  CloudEvent,
  MeetingRefV1,
  OrganizationalLifeV1,
} from '@jiceng/events';
import { accountKey } from '../account/account';
import type { CreditRuleSet } from '../rules/credit-rules';
import {
  attendancePoints,
  attendanceShares,
  memberEarning,
} from '../rules/organizational-life-scoring';
import { earnEntries } from './ledger-plans';
import type { LedgerApplication, PlannedEntry } from './ledger.schemas';

// The plans of attendance facts (pure). Each version of an attendance is one source of the
// ledger, `attendance:<attendanceId>:v<version>`, whatever event carried it: a meeting produced
// again, or redelivered, finds its versions planned and changes nothing.

export type OrganizationalLifeEvent = CloudEvent<OrganizationalLifeV1>;

export interface AttendanceItem {
  meeting: MeetingRefV1;
  fact: AttendanceFactV1;
}

/** The attendance facts of a meeting event, in order (an appraisal carries none). */
export function attendanceItems({ data }: OrganizationalLifeEvent): AttendanceItem[] {
  const meeting = data.meeting;
  return meeting ? (data.attendance ?? []).map((fact) => ({ meeting, fact })) : [];
}

export const attendanceApplicationId = (attendanceId: string, version: number) =>
  `attendance:${attendanceId}:v${version}`;

export const itemApplicationId = ({ fact }: AttendanceItem) =>
  attendanceApplicationId(fact.attendanceId, fact.version);

export const previousApplicationId = ({ fact }: AttendanceItem) =>
  fact.version > 1 ? attendanceApplicationId(fact.attendanceId, fact.version - 1) : null;

/** The instant a meeting day stands for: its start in Asia/Shanghai. */
export const heldOnInstant = (heldOn: string) => new Date(`${heldOn}T00:00:00+08:00`);

/** An id derived from the application, the same in every attempt at it. */
export function stableEntryId(applicationId: string, purpose: string): Types.ObjectId {
  return new Types.ObjectId(
    createHash('sha1').update(`${applicationId}|${purpose}`).digest('hex').slice(0, 24),
  );
}

const changes = ({ fact }: AttendanceItem) =>
  fact.version === 1 || fact.previousStatus !== fact.status;

/**
 * The member's meeting request of one attendance version, as an entry of the member's meeting
 * month (see MEETING_TOTAL_MODEL): the points the status earns now, or the reversal of what the
 * previous version earned, in that version's month. Null when it requests nothing.
 */
export function meetingRequest(
  item: AttendanceItem,
  rule: CreditRuleSet,
  previous: LedgerApplication | null,
  meetingCap: (month: string) => number,
): PlannedEntry | null {
  if (!changes(item)) return null;
  const reversed = previous?.meetingPoints ?? 0;
  const points = attendancePoints(rule, item.meeting.kind, item.fact.status);
  const requested = reversed > 0 ? -reversed : points;
  if (requested === 0) return null;
  const at = reversed > 0 ? previous!.occurredAt : heldOnInstant(item.meeting.heldOn);
  const month = shanghaiMonth(at);
  return {
    entryId: stableEntryId(itemApplicationId(item), 'meetings'),
    account: accountKey('MEMBER', item.fact.memberId),
    accountKind: 'MEMBER',
    accountId: item.fact.memberId,
    kind: requested > 0 ? 'EARN' : 'REVERSAL',
    role: 'MEMBER',
    requested,
    ruleVersion: rule.version,
    month,
    quarter: shanghaiQuarter(at),
    cap: meetingCap(month),
    reversesEntryId: null,
  };
}

/**
 * One attendance version's plan. PRESENT earns the member the step its meeting month granted
 * (`memberStep`), and the branch and firm their shares of the kind's points; a correction away
 * from PRESENT reverses the previous version's entries, the member's by its meeting month's
 * (negative) step, in the months of the entries it reverses. ON_LEAVE and ABSENT earn nothing.
 */
export function attendancePlan(
  item: AttendanceItem,
  { rule, caps }: { rule: CreditRuleSet; caps: CreditRuleSet['monthlyCaps'] },
  previous: LedgerApplication | null,
  memberStep: number,
  firmId: string | null,
): LedgerApplication {
  const heldOn = heldOnInstant(item.meeting.heldOn);
  const base = {
    _id: itemApplicationId(item),
    kind: 'ATTENDANCE' as const,
    claimId: null,
    visitId: null,
    revokes: previous?._id ?? null,
    state: 'PLANNED' as const,
    occurredAt: heldOn,
    createdAt: new Date(),
  };
  const reversed = changes(item) ? (previous?.meetingPoints ?? 0) : 0;
  if (reversed > 0) {
    const member = accountKey('MEMBER', item.fact.memberId);
    const entries: PlannedEntry[] = previous!.entries
      .filter((e) => e.kind === 'EARN')
      .map((e) => ({
        ...e,
        entryId: new Types.ObjectId(),
        kind: 'REVERSAL' as const,
        requested: e.account === member ? memberStep : -e.requested,
        reversesEntryId: e.entryId,
      }));
    // The member's month may have granted nothing (meeting cap full): its step still reverses.
    if (memberStep && !entries.some((e) => e.account === member)) {
      const [planned] = earnEntries(
        [memberEarning(item.fact.memberId, memberStep)],
        rule.version,
        caps,
        previous!.occurredAt,
      );
      entries.push({ ...planned, kind: 'REVERSAL' });
    }
    return {
      ...base,
      entries: entries.filter((e) => e.requested !== 0),
      meetingPoints: -reversed,
    };
  }
  const points = changes(item) ? attendancePoints(rule, item.meeting.kind, item.fact.status) : 0;
  const earnings = [
    ...(memberStep > 0 ? [memberEarning(item.fact.memberId, memberStep)] : []),
    ...attendanceShares(rule, item.fact, points, item.fact.floating ? firmId : null),
  ];
  return {
    ...base,
    entries: earnEntries(earnings, rule.version, caps, heldOn),
    meetingPoints: points,
  };
}
