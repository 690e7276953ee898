import { createEvent, organizationalLifeV1, type AttendanceFactV1 } from '@jiceng/events';
import {
  CREDIT_RULES_V1,
  storedRule,
  type ShareRule,
  type StoredRuleSet,
} from '../rules/credit-rules';
import { planGrants } from './batch-grants';
import {
  attendanceItems,
  attendancePlan,
  meetingRequest,
  stableEntryId,
  type AttendanceItem,
} from './attendance-plans';
import type { MonthTotal } from './ledger.schemas';

const MEMBER = '64b000000000000000000001';
const HOME = '64b000000000000000000002';
const PROJECT_BRANCH = '64b000000000000000000003';
const FIRM = '64b000000000000000000004';
const ATTENDANCE = '64b0000000000000000000a1';
const rules = { rule: CREDIT_RULES_V1, caps: CREDIT_RULES_V1.monthlyCaps };
const cap = () => CREDIT_RULES_V1.meetingPoints.memberMonthlyCap;

function item(
  fact: Partial<AttendanceFactV1>,
  kind: AttendanceItem['meeting']['kind'] = 'BRANCH_GENERAL_MEETING',
): AttendanceItem {
  return {
    meeting: {
      meetingId: '64b0000000000000000000e1',
      version: fact.version ?? 1,
      organizationId: fact.floating ? PROJECT_BRANCH : HOME,
      kind,
      heldOn: '2026-06-30',
    },
    fact: {
      attendanceId: ATTENDANCE,
      version: 1,
      memberId: MEMBER,
      homeOrganizationId: HOME,
      floating: false,
      status: 'PRESENT',
      previousStatus: null,
      ...fact,
    },
  };
}

const withShares = (branchShare: ShareRule, firmShare: ShareRule) => ({
  ...rules,
  rule: {
    ...CREDIT_RULES_V1,
    meetingPoints: { ...CREDIT_RULES_V1.meetingPoints, branchShare, firmShare },
  },
});

const entriesOf = (plan: ReturnType<typeof attendancePlan>) =>
  plan.entries.map((e) => [e.kind, e.account, e.requested, e.month]);

describe('attendance plans', () => {
  it('reads the facts of a meeting event, and none of an appraisal', () => {
    const meeting = item({});
    const recorded = createEvent(organizationalLifeV1, {
      type: 'jiceng.members.meeting.recorded',
      subject: meeting.meeting.meetingId,
      data: {
        meeting: meeting.meeting,
        attendance: [meeting.fact],
        recordedAt: new Date().toISOString(),
      },
    });
    expect(attendanceItems(recorded)).toEqual([meeting]);
    const appraisal = createEvent(organizationalLifeV1, {
      type: 'jiceng.members.appraisal.recorded',
      subject: MEMBER,
      data: {
        appraisal: {
          memberId: MEMBER,
          organizationId: HOME,
          year: 2026,
          version: 1,
          grade: 'GOOD',
          previousGrade: null,
          decidedOn: '2026-12-01',
        },
        recordedAt: new Date().toISOString(),
      },
    });
    expect(attendanceItems(appraisal)).toEqual([]);
  });

  it.each([
    ['BRANCH_GENERAL_MEETING', 3],
    ['BRANCH_COMMITTEE_MEETING', 2],
    ['PARTY_GROUP_MEETING', 2],
    ['PARTY_LECTURE', 3],
    ['THEME_PARTY_DAY', 3],
    ['ORGANIZATIONAL_LIFE_MEETING', 3],
  ] as const)('a member present at a %s requests %i meeting points', (kind, points) => {
    expect(meetingRequest(item({}, kind), CREDIT_RULES_V1, null, cap)?.requested).toBe(points);
  });

  it('earns nothing on leave or absent', () => {
    for (const status of ['ON_LEAVE', 'ABSENT'] as const) {
      const absent = item({ status });
      expect(meetingRequest(absent, CREDIT_RULES_V1, null, cap)).toBeNull();
      expect(attendancePlan(absent, rules, null, 0, null).entries).toEqual([]);
    }
  });

  it('earns the member its step and the home branch its share of the kind’s points', () => {
    const plan = attendancePlan(item({}, 'PARTY_LECTURE'), rules, null, 3, null);
    expect(plan._id).toBe(`attendance:${ATTENDANCE}:v1`);
    expect(plan.meetingPoints).toBe(3);
    expect(entriesOf(plan)).toEqual([
      ['EARN', `MEMBER:${MEMBER}`, 3, '2026-06'],
      ['EARN', `ORGANIZATION:${HOME}`, 1, '2026-06'],
    ]);
    const half = withShares({ mode: 'FRACTION', value: 0.5 }, { mode: 'NONE', value: 0 });
    expect(entriesOf(attendancePlan(item({}), half, null, 3, null))).toEqual([
      ['EARN', `MEMBER:${MEMBER}`, 3, '2026-06'],
      ['EARN', `ORGANIZATION:${HOME}`, 1, '2026-06'],
    ]);
  });

  it('gives a floating member’s branch share to its home branch and the firm its share', () => {
    const shares = withShares({ mode: 'FIXED', value: 1 }, { mode: 'FIXED', value: 2 });
    const floating = item({ floating: true });
    expect(entriesOf(attendancePlan(floating, shares, null, 3, FIRM))).toEqual([
      ['EARN', `MEMBER:${MEMBER}`, 3, '2026-06'],
      ['EARN', `ORGANIZATION:${HOME}`, 1, '2026-06'],
      ['EARN', `FIRM:${FIRM}`, 2, '2026-06'],
    ]);
    // A member of the branch itself brings the firm nothing.
    expect(entriesOf(attendancePlan(item({}), shares, null, 3, FIRM))).toHaveLength(2);
  });

  it('keeps the member’s meeting points within the monthly meeting cap', () => {
    const requests = Array.from({ length: 8 }, (_, i) =>
      meetingRequest(
        item({ attendanceId: `64b0000000000000000000b${i}` }),
        CREDIT_RULES_V1,
        null,
        cap,
      )!,
    );
    const plan = planGrants(requests, new Map<string, MonthTotal>(), new Set());
    expect(plan.granted.map((g) => g.granted)).toEqual([3, 3, 3, 3, 3, 3, 2, 0]);
    expect(plan.writes).toHaveLength(1);
  });

  it('asks for the same meeting step in every attempt at a version', () => {
    const a = meetingRequest(item({}), CREDIT_RULES_V1, null, cap)!;
    const b = meetingRequest(item({}), CREDIT_RULES_V1, null, cap)!;
    expect(a.entryId.equals(b.entryId)).toBe(true);
    expect(a.entryId.equals(stableEntryId(`attendance:${ATTENDANCE}:v1`, 'meetings'))).toBe(true);
  });

  it('reverses a PRESENT corrected to ABSENT, in the month of what it reverses', () => {
    const first = attendancePlan(item({}), rules, null, 3, null);
    const corrected = item({ version: 2, status: 'ABSENT', previousStatus: 'PRESENT' });
    const request = meetingRequest(corrected, CREDIT_RULES_V1, first, cap)!;
    expect([request.kind, request.requested, request.month]).toEqual(['REVERSAL', -3, '2026-06']);
    const reversal = attendancePlan(corrected, rules, first, -3, null);
    expect(reversal._id).toBe(`attendance:${ATTENDANCE}:v2`);
    expect(reversal.meetingPoints).toBe(-3);
    expect(entriesOf(reversal)).toEqual([
      ['REVERSAL', `MEMBER:${MEMBER}`, -3, '2026-06'],
      ['REVERSAL', `ORGANIZATION:${HOME}`, -1, '2026-06'],
    ]);
    expect(reversal.entries.map((e) => String(e.reversesEntryId))).toEqual(
      first.entries.map((e) => String(e.entryId)),
    );
  });

  it('earns with an ABSENT corrected to PRESENT, and changes nothing without a change', () => {
    const absent = attendancePlan(item({ status: 'ABSENT' }), rules, null, 0, null);
    const present = item({ version: 2, status: 'PRESENT', previousStatus: 'ABSENT' });
    expect(meetingRequest(present, CREDIT_RULES_V1, absent, cap)?.requested).toBe(3);
    expect(entriesOf(attendancePlan(present, rules, absent, 3, null))).toEqual([
      ['EARN', `MEMBER:${MEMBER}`, 3, '2026-06'],
      ['EARN', `ORGANIZATION:${HOME}`, 1, '2026-06'],
    ]);
    const leave = item({ version: 2, status: 'ON_LEAVE', previousStatus: 'ABSENT' });
    expect(meetingRequest(leave, CREDIT_RULES_V1, absent, cap)).toBeNull();
    expect(attendancePlan(leave, rules, absent, 0, null).entries).toEqual([]);
  });

  it('reverses the meeting points even when the cap had granted the member none', () => {
    const capped = attendancePlan(item({}), rules, null, 0, null);
    expect(entriesOf(capped)).toEqual([['EARN', `ORGANIZATION:${HOME}`, 1, '2026-06']]);
    const corrected = item({ version: 2, status: 'ABSENT', previousStatus: 'PRESENT' });
    expect(meetingRequest(corrected, CREDIT_RULES_V1, capped, cap)?.requested).toBe(-3);
    // The month's requests drop below the cap: the step gives the member back a point.
    expect(entriesOf(attendancePlan(corrected, rules, capped, -1, null))).toEqual([
      ['REVERSAL', `ORGANIZATION:${HOME}`, -1, '2026-06'],
      ['REVERSAL', `MEMBER:${MEMBER}`, -1, '2026-06'],
    ]);
  });

  it('reads versions stored before meeting points existed with the defaults', () => {
    const { meetingPoints: _m, bonuses: _b, ...older } = CREDIT_RULES_V1;
    const rule = storedRule(older as StoredRuleSet);
    expect(rule.meetingPoints).toEqual(CREDIT_RULES_V1.meetingPoints);
    expect(rule.bonuses).toEqual(CREDIT_RULES_V1.bonuses);
    expect(
      storedRule({ ...older, meetingPoints: { perKind: { PARTY_LECTURE: 5 } } }).meetingPoints
        .perKind,
    ).toMatchObject({ PARTY_LECTURE: 5, THEME_PARTY_DAY: 3 });
  });
});
