import { Types } from 'mongoose';
import { organizationalLifeV1, parseEvent } from '@jiceng/events';
import type { AttendanceRecord, Meeting } from './meeting.schema';
import { attendanceCorrectedRecord, meetingRecordedRecord } from './organizational-life.events';

const branch = new Types.ObjectId();
const home = new Types.ObjectId();
const attendance = (status: AttendanceRecord['status'], extra: Partial<AttendanceRecord> = {}) => ({
  _id: new Types.ObjectId(),
  memberId: new Types.ObjectId(),
  homeOrganizationId: branch,
  floating: false,
  status,
  version: 1,
  corrections: [],
  ...extra,
});
const meeting: Meeting = {
  _id: new Types.ObjectId(),
  organizationId: branch,
  organizationPath: [branch],
  kind: 'BRANCH_GENERAL_MEETING',
  heldOn: '2024-05-20',
  place: '党员活动室',
  topic: '学习',
  leader: '张书记',
  attendance: [
    attendance('PRESENT', { homeOrganizationId: home, floating: true }),
    attendance('ON_LEAVE', { reason: '住院治疗' }),
  ],
  recordedBy: 'admin',
  version: 1,
  createdAt: new Date('2024-05-20T10:00:00Z'),
  updatedAt: new Date('2024-05-20T10:00:00Z'),
  outbox: [],
};
const eventOf = (value: string) => parseEvent(organizationalLifeV1, value);

describe('organizational-life events', () => {
  it('carry every attendance fact of a recorded meeting, ids only, keyed by the meeting', () => {
    const record = meetingRecordedRecord(meeting);
    expect(record.key).toBe(String(meeting._id));
    const event = eventOf(record.value);
    expect(event.data.attendance?.map((a) => [a.status, a.version, a.previousStatus])).toEqual([
      ['PRESENT', 1, null],
      ['ON_LEAVE', 1, null],
    ]);
    expect(event.data.attendance?.[0]).toMatchObject({
      homeOrganizationId: String(home),
      floating: true,
    });
    expect(record.value).not.toContain('住院治疗');
    expect(record.value).not.toContain('张书记');
  });

  it('carry a correction as the same fact at its next version, with the status it replaces', () => {
    const before = meeting.attendance[1];
    const corrected = { ...before, status: 'PRESENT' as const, reason: undefined, version: 2 };
    const next = { ...meeting, version: 2, updatedAt: new Date('2024-05-22T10:00:00Z') };
    const event = eventOf(attendanceCorrectedRecord(next, corrected, 'ON_LEAVE').value);
    expect(event.type).toBe('jiceng.members.attendance.corrected');
    expect(event.data.meeting?.version).toBe(2);
    expect(event.data.attendance).toEqual([
      {
        attendanceId: String(before._id),
        version: 2,
        memberId: String(before.memberId),
        homeOrganizationId: String(branch),
        floating: false,
        status: 'PRESENT',
        previousStatus: 'ON_LEAVE',
      },
    ]);
  });
});
