// 组织生活 in the demo: 运河区's district unit branches (运河区直属机关工委) hold their 三会一课 and
// 主题党日 through the demo quarters, with the attendance of their full and probationary members,
// and a few branches miss a required meeting, so that meetingCompliance has something to act on.
// Only 运河区 branches: their attendance earns no construction firm anything (雄安's project
// branches stay out of it, their firms' tiers come from the volunteering demo alone). Pure: the
// loader writes the meetings, with their events, the way the service does.
import type { Types } from 'mongoose';
import { demoIds, rng } from '@jiceng/demo';
import { pick } from './demo-people';
import type { AttendanceRecord, Meeting } from '../organizational-life/meeting.schema';
import type {
  AttendanceStatus,
  MeetingKind,
} from '../organizational-life/organizational-life.enums';
import { ATTENDING_STATUSES } from '../organizational-life/organizational-life.enums';
import { meetingRecordedRecord } from '../organizational-life/organizational-life.events';

export const DEMO_MEETING_QUARTERS = ['2024-Q1', '2024-Q2'] as const;
const MONTHS: Record<(typeof DEMO_MEETING_QUARTERS)[number], string[]> = {
  '2024-Q1': ['2024-01', '2024-02', '2024-03'],
  '2024-Q2': ['2024-04', '2024-05', '2024-06'],
};
const RECORDED_BY = 'demo-yunhe-admin';
const LEAVE_REASONS = ['因公出差', '病假', '外出学习培训', '家中有事'];

/** What each kind is about, where and on which day of its month. */
const KINDS: Record<MeetingKind, { day: string; topic: string; place: string }> = {
  BRANCH_COMMITTEE_MEETING: { day: '03', topic: '研究本月支部工作安排', place: '支部书记办公室' },
  PARTY_GROUP_MEETING: { day: '12', topic: '学习交流与思想汇报', place: '单位会议室' },
  THEME_PARTY_DAY: {
    day: '15',
    topic: '主题党日：走进社区开展志愿服务',
    place: '社区党群服务中心',
  },
  BRANCH_GENERAL_MEETING: {
    day: '20',
    topic: '通报季度工作，讨论发展党员事项',
    place: '单位会议室',
  },
  PARTY_LECTURE: { day: '25', topic: '书记讲党课：学习贯彻党的二十大精神', place: '单位会议室' },
  ORGANIZATIONAL_LIFE_MEETING: {
    day: '26',
    topic: '2023年度组织生活会暨民主评议党员',
    place: '单位会议室',
  },
};

/** A required meeting that a branch (by its index) does not hold: the compliance view's gaps. */
export interface DemoMiss {
  branch: number;
  kind: MeetingKind;
  /** The month (monthly kinds) or quarter it falls in. */
  slot: string;
}

/** Five branches without 五月主题党日, five without the second quarter's 党课, two without February's 支委会. */
export function demoMisses(branches: number): DemoMiss[] {
  const misses: DemoMiss[] = [];
  for (let i = 0; i < branches; i++) {
    if (i % 10 === 3) misses.push({ branch: i, kind: 'THEME_PARTY_DAY', slot: '2024-05' });
    if (i % 10 === 7) misses.push({ branch: i, kind: 'PARTY_LECTURE', slot: '2024-Q2' });
    if (i % 26 === 11)
      misses.push({ branch: i, kind: 'BRANCH_COMMITTEE_MEETING', slot: '2024-02' });
  }
  return misses;
}

export interface MeetingBranch {
  _id: Types.ObjectId;
  path: Types.ObjectId[];
  /** The branch's members as stored (any status; only 党员 attend). */
  members: { _id: Types.ObjectId; status: string; name: string }[];
}

/** The meetings a branch holds: kind and day, before the misses are taken out. */
function schedule(): { kind: MeetingKind; heldOn: string; slot: string }[] {
  const held: { kind: MeetingKind; heldOn: string; slot: string }[] = [];
  const at = (kind: MeetingKind, month: string, slot = month) =>
    held.push({ kind, heldOn: `${month}-${KINDS[kind].day}`, slot });
  at('ORGANIZATIONAL_LIFE_MEETING', '2024-01', '2024');
  for (const quarter of DEMO_MEETING_QUARTERS) {
    const months = MONTHS[quarter];
    for (const month of months) {
      at('BRANCH_COMMITTEE_MEETING', month);
      at('PARTY_GROUP_MEETING', month);
      at('THEME_PARTY_DAY', month);
    }
    at('BRANCH_GENERAL_MEETING', months[1], quarter);
    at('PARTY_LECTURE', months[2], quarter);
  }
  return held;
}

const meetingId = demoIds('members-meetings');

/** The demo meetings of these branches, each with its whole attendance and its event. */
export function demoMeetings(branches: readonly MeetingBranch[], now: Date): Meeting[] {
  const missed = new Set(demoMisses(branches.length).map((m) => `${m.branch}|${m.kind}|${m.slot}`));
  const meetings: Meeting[] = [];
  branches.forEach((branch, i) => {
    const members = branch.members
      .filter((m) => ATTENDING_STATUSES.includes(m.status))
      .sort((a, b) => String(a._id).localeCompare(String(b._id)));
    if (!members.length) return;
    // Branch 3, 13, … is the one that slips: more absences as well as its missed meeting.
    const absentShare = i % 10 === 3 ? 0.2 : 0.04;
    schedule().forEach(({ kind, heldOn, slot }, n) => {
      if (missed.has(`${i}|${kind}|${slot}`)) return;
      const key = `${branch._id}/${kind}/${slot}`;
      const attendees =
        kind === 'BRANCH_COMMITTEE_MEETING'
          ? members.slice(0, 5)
          : kind === 'PARTY_GROUP_MEETING'
            ? members.filter((_, k) => k % 2 === n % 2)
            : members;
      const attendance: AttendanceRecord[] = attendees.map((m) => {
        const random = rng(`jiceng-demo-attendance:${key}:${m._id}`);
        const draw = random();
        const status: AttendanceStatus =
          draw < absentShare ? 'ABSENT' : draw < absentShare + 0.06 ? 'ON_LEAVE' : 'PRESENT';
        return {
          _id: meetingId(`${key}/${m._id}`),
          memberId: m._id,
          homeOrganizationId: branch._id,
          floating: false,
          status,
          ...(status === 'ON_LEAVE' && { reason: pick(random, LEAVE_REASONS) }),
          version: 1,
          corrections: [],
        };
      });
      const meeting: Meeting = {
        _id: meetingId(key),
        organizationId: branch._id,
        organizationPath: branch.path,
        kind,
        heldOn,
        place: KINDS[kind].place,
        topic: KINDS[kind].topic,
        leader: members[0].name,
        attendance,
        recordedBy: RECORDED_BY,
        version: 1,
        createdAt: now,
        updatedAt: now,
        outbox: [],
      };
      meetings.push({ ...meeting, outbox: [meetingRecordedRecord(meeting)] });
    });
  });
  return meetings;
}
