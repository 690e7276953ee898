import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { shanghaiDate } from '@jiceng/calendar';
import { badUserInput, conflict, forbidden, notFound, type FieldError } from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { OrgAccess } from '@jiceng/org-access';
import { pathOf } from '@jiceng/org-projection';
import { managesPath } from '../member/member-access';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import {
  attendanceProblems,
  attendanceRole,
  notInFuture,
  reasonProblem,
  type AttendingMember,
} from './attendance.rules';
import type { CorrectAttendanceInput, RecordMeetingInput } from './dto/meeting.inputs';
import { MeetingTallies } from './meeting-tallies';
import {
  MEETING_MODEL,
  MEETING_PROJECTION,
  type AttendanceRecord,
  type Meeting,
} from './meeting.schema';
import { MEETING_ORGANIZATION_KINDS } from './organizational-life.enums';
import { attendanceCorrectedRecord, meetingRecordedRecord } from './organizational-life.events';

@Injectable()
export class MeetingService {
  constructor(
    @InjectModel(MEETING_MODEL) private readonly model: Model<Meeting>,
    @InjectModel(MEMBER_MODEL) private readonly members: Model<Member>,
    private readonly access: OrgAccess,
    private readonly tallies: MeetingTallies,
    private readonly relay: OutboxRelays,
  ) {}

  /** A meeting with its whole attendance and its event: one insert, or nothing at all. */
  async record(input: RecordMeetingInput, claims: Claims): Promise<Meeting> {
    const branch = await this.access.known(input.organizationId, 'input.organizationId');
    const path = pathOf(branch);
    if (!managesPath(claims, path))
      throw forbidden('Only ADMIN or an ORG_ADMIN of the branch or above records its meetings');
    const problems: FieldError[] = [];
    if (!MEETING_ORGANIZATION_KINDS.includes(branch.kind) || branch.status !== 'ACTIVE')
      problems.push({
        field: 'input.organizationId',
        message: `is not an active branch (${MEETING_ORGANIZATION_KINDS.join(', ')})`,
      });
    problems.push(...notInFuture(input.heldOn, shanghaiDate(new Date()), 'input.heldOn'));
    const attending = await this.attending(input.attendance.map((a) => a.memberId));
    problems.push(...attendanceProblems(input.attendance, attending, branch._id));
    if (problems.length) throw badUserInput(problems);

    const now = new Date();
    const attendance: AttendanceRecord[] = input.attendance.map((a) => {
      const member = attending.get(a.memberId) as AttendingMember;
      return {
        _id: new Types.ObjectId(),
        memberId: member._id,
        homeOrganizationId: member.organizationId,
        floating: attendanceRole(member, branch._id) === 'FLOATING',
        status: a.status,
        ...(a.reason && { reason: a.reason }),
        version: 1,
        corrections: [],
      };
    });
    const meeting: Meeting = {
      _id: new Types.ObjectId(),
      organizationId: branch._id,
      organizationPath: path,
      kind: input.kind,
      heldOn: input.heldOn,
      place: input.place,
      topic: input.topic,
      leader: input.leader,
      ...(input.minutes && { minutes: input.minutes }),
      attendance,
      recordedBy: claims.sub,
      version: 1,
      createdAt: now,
      updatedAt: now,
      outbox: [],
    };
    meeting.outbox = [meetingRecordedRecord(meeting)];
    await this.model.create(meeting);
    this.relay.kick(String(meeting._id));
    await this.tallies.afterWrite(meeting);
    return meeting;
  }

  /** One member's attendance corrected after the fact; the event lets credit reverse it. */
  async correct(input: CorrectAttendanceInput, claims: Claims): Promise<Meeting> {
    const meeting = await this.model.findById(input.meetingId, MEETING_PROJECTION).lean<Meeting>();
    if (!meeting) throw notFound('Meeting', input.meetingId);
    if (!managesPath(claims, meeting.organizationPath))
      throw forbidden('Only ADMIN or an ORG_ADMIN of the branch or above corrects its meetings');
    const i = meeting.attendance.findIndex((a) => String(a.memberId) === input.memberId);
    const problems: FieldError[] = [];
    if (i < 0)
      problems.push({ field: 'input.memberId', message: "is not in this meeting's attendance" });
    const reason = reasonProblem(input.status, input.reason, 'input.reason');
    if (reason) problems.push(reason);
    const before = meeting.attendance[i];
    if (
      before &&
      before.status === input.status &&
      (before.reason ?? null) === (input.reason ?? null)
    )
      problems.push({ field: 'input.status', message: 'is the recorded attendance already' });
    if (problems.length) throw badUserInput(problems);

    const now = new Date();
    const change = {
      from: before.status,
      to: input.status,
      note: input.note,
      by: claims.sub,
      at: now,
    };
    const corrected: AttendanceRecord = {
      ...before,
      status: input.status,
      reason: input.reason,
      version: before.version + 1,
      corrections: [...before.corrections, change],
    };
    if (!input.reason) delete corrected.reason;
    const next: Meeting = {
      ...meeting,
      attendance: meeting.attendance.map((a, j) => (j === i ? corrected : a)),
      version: meeting.version + 1,
      updatedAt: now,
    };
    const at = `attendance.${i}`;
    const result = await this.model.updateOne(
      { _id: meeting._id, version: meeting.version },
      {
        $set: {
          [`${at}.status`]: corrected.status,
          [`${at}.version`]: corrected.version,
          ...(input.reason && { [`${at}.reason`]: input.reason }),
          version: next.version,
          updatedAt: now,
        },
        ...(!input.reason && { $unset: { [`${at}.reason`]: 1 } }),
        $push: {
          [`${at}.corrections`]: change,
          outbox: attendanceCorrectedRecord(next, corrected, before.status),
        },
      },
    );
    if (result.matchedCount === 0)
      throw conflict(
        `Meeting ${input.meetingId} was changed concurrently; read it again and retry`,
      );
    this.relay.kick(String(meeting._id));
    await this.tallies.afterWrite(next);
    return next;
  }

  findByIds(ids: readonly string[]): Promise<Meeting[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }, MEETING_PROJECTION).lean<Meeting[]>();
  }

  private async attending(ids: readonly string[]): Promise<Map<string, AttendingMember>> {
    const found = await this.members
      .find(
        { _id: { $in: [...new Set(ids)] } },
        { organizationId: 1, status: 1, 'floating.projectBranchId': 1 },
      )
      .lean<AttendingMember[]>();
    return new Map(found.map((m) => [String(m._id), m]));
  }
}
