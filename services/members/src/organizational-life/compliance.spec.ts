import { branchCompliance, complianceSummary, type BranchMonth } from './compliance';
import { requiredSlots } from './meeting-rhythm';
import type { MeetingKind } from './organizational-life.enums';

let next = 0;
const meeting = (kind: MeetingKind, present = 5, onLeave = 1, absent = 0) => ({
  [`m${next++}`]: { kind, version: 1, present, onLeave, absent },
});
const monthly: MeetingKind[] = [
  'BRANCH_COMMITTEE_MEETING',
  'PARTY_GROUP_MEETING',
  'THEME_PARTY_DAY',
];
const fullMonth = (month: string, extra: MeetingKind[] = []): BranchMonth => ({
  month,
  meetings: Object.assign({}, ...[...monthly, ...extra].map((k) => meeting(k))),
});

describe('compliance of a branch', () => {
  const slots = requiredSlots('2023-Q2', '2023-08-01');

  it('is complete when every span held its kinds', () => {
    const result = branchCompliance(
      'b1',
      [
        fullMonth('2023-04', ['BRANCH_GENERAL_MEETING']),
        fullMonth('2023-05', ['PARTY_LECTURE']),
        fullMonth('2023-06'),
      ],
      slots,
    );
    expect(result.missing).toEqual([]);
    expect(result.meetings).toBe(11);
    expect(result.present).toBe(55);
    expect(result.onLeave).toBe(11);
    expect(result.attendanceRate).toBeCloseTo(55 / 66, 3);
    expect(result.kinds.find((k) => k.kind === 'THEME_PARTY_DAY')).toMatchObject({
      held: 3,
      required: 3,
      due: 3,
      missedSlots: [],
    });
  });

  it('names the spans missed: three 主题党日 in one month do not make up for two empty ones', () => {
    const result = branchCompliance(
      'b2',
      [
        {
          month: '2023-04',
          meetings: {
            ...meeting('THEME_PARTY_DAY'),
            ...meeting('THEME_PARTY_DAY'),
            ...meeting('THEME_PARTY_DAY'),
          },
        },
      ],
      slots,
    );
    expect(result.kinds.find((k) => k.kind === 'THEME_PARTY_DAY')).toMatchObject({
      held: 3,
      missedSlots: ['2023-05', '2023-06'],
    });
    expect(result.missing).toEqual([
      'BRANCH_GENERAL_MEETING',
      'BRANCH_COMMITTEE_MEETING',
      'PARTY_GROUP_MEETING',
      'PARTY_LECTURE',
      'THEME_PARTY_DAY',
    ]);
  });

  it('misses nothing in spans not yet over, and has no rate without attendance', () => {
    const open = branchCompliance('b3', [], requiredSlots('2023-Q2', '2023-04-10'));
    expect(open.missing).toEqual([]);
    expect(open.attendanceRate).toBeNull();
  });

  it('sums branches, counting the branches missing each kind', () => {
    const done = branchCompliance(
      'b1',
      [
        fullMonth('2023-04', ['BRANCH_GENERAL_MEETING', 'PARTY_LECTURE']),
        fullMonth('2023-05'),
        fullMonth('2023-06'),
      ],
      slots,
    );
    const short = branchCompliance(
      'b2',
      [fullMonth('2023-04'), fullMonth('2023-05'), fullMonth('2023-06', ['PARTY_LECTURE'])],
      slots,
    );
    const summary = complianceSummary([done, short]);
    expect(summary).toMatchObject({ branches: 2, branchesMissing: 1, meetings: 21 });
    expect(summary.byKind.find((k) => k.kind === 'BRANCH_GENERAL_MEETING')).toEqual({
      kind: 'BRANCH_GENERAL_MEETING',
      held: 1,
      branchesMissing: 1,
    });
    expect(summary.attendanceRate).toBeCloseTo(5 / 6, 3);
  });
});
