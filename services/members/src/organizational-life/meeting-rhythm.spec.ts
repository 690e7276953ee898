import { MEETING_RHYTHM, requiredSlots, ruleSetFor, type RhythmRuleSet } from './meeting-rhythm';

const slotsOf = (period: string, today: string, rules?: readonly RhythmRuleSet[]) =>
  requiredSlots(period, today, rules).map((s) => `${s.kind}:${s.slot}:${s.due ? 'due' : 'open'}`);

describe('the meeting rhythm', () => {
  it('requires in a past quarter three of each monthly kind and one of each quarterly kind', () => {
    const slots = requiredSlots('2023-Q2', '2023-08-01');
    const count = (kind: string) => slots.filter((s) => s.kind === kind).length;
    expect(count('BRANCH_COMMITTEE_MEETING')).toBe(3);
    expect(count('PARTY_GROUP_MEETING')).toBe(3);
    expect(count('THEME_PARTY_DAY')).toBe(3);
    expect(count('BRANCH_GENERAL_MEETING')).toBe(1);
    expect(count('PARTY_LECTURE')).toBe(1);
    // The yearly 组织生活会 is not a quarter's requirement.
    expect(count('ORGANIZATIONAL_LIFE_MEETING')).toBe(0);
    expect(slots.every((s) => s.due && s.ruleVersion === 1)).toBe(true);
  });

  it('asks a year for everything, the 组织生活会 once', () => {
    const slots = requiredSlots('2023', '2024-01-02');
    expect(slots.filter((s) => s.kind === 'ORGANIZATIONAL_LIFE_MEETING')).toEqual([
      expect.objectContaining({ slot: '2023', due: true }),
    ]);
    expect(slots.filter((s) => s.kind === 'THEME_PARTY_DAY')).toHaveLength(12);
  });

  it('lists spans not yet over as open, not due', () => {
    expect(slotsOf('2023-Q2', '2023-05-15').filter((s) => s.startsWith('THEME_PARTY_DAY'))).toEqual(
      [
        'THEME_PARTY_DAY:2023-04:due',
        'THEME_PARTY_DAY:2023-05:open',
        'THEME_PARTY_DAY:2023-06:open',
      ],
    );
    expect(slotsOf('2023-06', '2023-06-30')).not.toContain('BRANCH_GENERAL_MEETING:2023-Q2:due');
  });

  it('judges each month by the rule set in force then', () => {
    const rules: RhythmRuleSet[] = [
      ...MEETING_RHYTHM,
      {
        version: 2,
        effectiveFrom: '2023-05',
        source: 'test',
        required: { THEME_PARTY_DAY: 'QUARTER' },
      },
    ];
    expect(ruleSetFor('2023-04', rules)?.version).toBe(1);
    expect(ruleSetFor('2023-05', rules)?.version).toBe(2);
    expect(ruleSetFor('1999-12', rules)).toBeNull();
    const slots = requiredSlots('2023-Q2', '2023-08-01', rules);
    expect(slots.filter((s) => s.kind === 'THEME_PARTY_DAY').map((s) => s.slot)).toEqual([
      '2023-04',
      '2023-Q2',
    ]);
    expect(slots.filter((s) => s.kind === 'BRANCH_COMMITTEE_MEETING').map((s) => s.slot)).toEqual([
      '2023-04',
    ]);
  });
});
