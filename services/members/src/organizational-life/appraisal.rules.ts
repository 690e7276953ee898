import type { FieldError } from '@jiceng/graphql';
import type { AppraisalGrade } from './organizational-life.enums';

/** A grade about to be recorded. */
export interface AppraisalProposal {
  memberId: string;
  year: number;
  grade: AppraisalGrade;
}

/**
 * A rule a grade must satisfy (the 卢龙县 practice and whatever follows it); a refusal names the
 * input field. Rules are switched on in the service's settings, not in code paths.
 */
export interface AppraisalRule {
  readonly name: string;
  check(proposal: AppraisalProposal): Promise<FieldError | null>;
}

/** Whether a member met the household-contact duty (党员联系户) of a year; null when unknown. */
export interface HouseholdContactDutySource {
  dutyMet(memberId: string, year: number): Promise<boolean | null>;
}

/** Until the grid data arrives nothing is known, so nothing is refused. */
export const UNKNOWN_HOUSEHOLD_CONTACT: HouseholdContactDutySource = {
  dutyMet: async () => null,
};

/** 卢龙县: a member whose household-contact duty was not met cannot be graded 好. */
export class HouseholdContactRule implements AppraisalRule {
  readonly name = 'household-contact';

  constructor(private readonly duties: HouseholdContactDutySource) {}

  async check({ memberId, year, grade }: AppraisalProposal): Promise<FieldError | null> {
    if (grade !== 'GOOD') return null;
    if ((await this.duties.dutyMet(memberId, year)) !== false) return null;
    return {
      field: 'input.grade',
      message: `cannot be GOOD (好): the member's household-contact duty for ${year} was not met`,
    };
  }
}

export interface AppraisalRuleSwitches {
  householdContact: boolean;
}

export function appraisalRules(
  switches: AppraisalRuleSwitches,
  duties: HouseholdContactDutySource = UNKNOWN_HOUSEHOLD_CONTACT,
): AppraisalRule[] {
  return switches.householdContact ? [new HouseholdContactRule(duties)] : [];
}

export async function appraisalProblems(
  rules: readonly AppraisalRule[],
  proposal: AppraisalProposal,
): Promise<FieldError[]> {
  const found = await Promise.all(rules.map((rule) => rule.check(proposal)));
  return found.filter((p): p is FieldError => p !== null);
}
