import { knownPeriod, monthsOf, quarterOfMonth } from '@jiceng/calendar';
import { MEETING_KINDS, type MeetingKind } from './organizational-life.enums';

// The required rhythm of a branch's meetings is data: a list of rule sets, each effective from a
// month on until the next one. A change of the rules is a new entry here, never an edit of an
// old one, so a past period is judged by the rules of its time.

export type RhythmFrequency = 'MONTH' | 'QUARTER' | 'YEAR';

export interface RhythmRuleSet {
  version: number;
  /** The first month (YYYY-MM) the rules apply to. */
  effectiveFrom: string;
  /** Where the rules come from. */
  source: string;
  /** How often each kind must be held; a kind not listed is not required. */
  required: Partial<Record<MeetingKind, RhythmFrequency>>;
}

export const MEETING_RHYTHM: readonly RhythmRuleSet[] = [
  {
    version: 1,
    effectiveFrom: '2000-01',
    source: '《中国共产党支部工作条例（试行）》: 三会一课, 主题党日, 组织生活会',
    required: {
      BRANCH_GENERAL_MEETING: 'QUARTER',
      BRANCH_COMMITTEE_MEETING: 'MONTH',
      PARTY_GROUP_MEETING: 'MONTH',
      PARTY_LECTURE: 'QUARTER',
      THEME_PARTY_DAY: 'MONTH',
      ORGANIZATIONAL_LIFE_MEETING: 'YEAR',
    },
  },
];

/** The rule set in force in a month (YYYY-MM), or null before the first. */
export function ruleSetFor(
  month: string,
  rules: readonly RhythmRuleSet[] = MEETING_RHYTHM,
): RhythmRuleSet | null {
  let found: RhythmRuleSet | null = null;
  for (const set of rules) if (set.effectiveFrom <= month) found = set;
  return found;
}

/** One span in which a kind must be held at least once. */
export interface RequiredSlot {
  kind: MeetingKind;
  /** The span as a period: "2023-05", "2023-Q2" or "2023". */
  slot: string;
  months: string[];
  /** The span is over (ended before `today`): a slot without a meeting is missed. */
  due: boolean;
  ruleVersion: number;
}

const slotOf = (month: string, frequency: RhythmFrequency): string =>
  frequency === 'MONTH'
    ? month
    : frequency === 'QUARTER'
      ? quarterOfMonth(month)
      : month.slice(0, 4);

/**
 * The slots a period holds for every kind: the months, quarters or years of each kind's rule
 * that lie wholly within the period (a yearly 组织生活会 is not required of a quarter). `today`
 * is the Shanghai calendar day (YYYY-MM-DD); slots not yet over are listed but not due.
 */
export function requiredSlots(
  period: string,
  today: string,
  rules: readonly RhythmRuleSet[] = MEETING_RHYTHM,
): RequiredSlot[] {
  const months = monthsOf(period);
  const inPeriod = new Set(months);
  const slots = new Map<string, RequiredSlot>();
  for (const month of months) {
    const set = ruleSetFor(month, rules);
    if (!set) continue;
    for (const kind of MEETING_KINDS) {
      const frequency = set.required[kind];
      if (!frequency) continue;
      const slot = slotOf(month, frequency);
      const key = `${kind}:${slot}`;
      if (slots.has(key)) continue;
      const slotMonths = monthsOf(slot);
      if (!slotMonths.every((m) => inPeriod.has(m))) continue;
      slots.set(key, {
        kind,
        slot,
        months: slotMonths,
        due: knownPeriod(slot).lastDay < today,
        ruleVersion: set.version,
      });
    }
  }
  return [...slots.values()];
}
