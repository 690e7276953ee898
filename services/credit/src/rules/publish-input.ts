import type { FieldError } from '@jiceng/graphql';
import {
  DEFAULT_BONUSES,
  DEFAULT_HOUSEHOLD_VISIT_POINTS,
  DEFAULT_MEETING_POINTS,
  ruleProblems,
  type CreditRuleSet,
  type MeetingKind,
  type PointsRule,
  type ShareRule,
} from './credit-rules';
import type { PublishCreditRulesInput, ShareRuleInput } from './dto/credit-rules.inputs';

// The rule a publishCreditRules input describes (pure). The checks of the rule itself are
// `ruleProblems`, one place for every publisher; this file only knows where each rule field sits
// in the input, so their problems name the field the caller sent.

/** How an input maps onto the rule it describes, for reporting the rule's problems. */
export interface InputFields {
  /** The input path (without `input.`) of a field `ruleProblems` names. */
  field(ruleField: string): string;
  /** Problems of the input's shape that the rule cannot show (a kind listed twice). */
  problems: FieldError[];
}

/** A rule handed over as a rule (v1, tests): its fields are the input's. */
export const SAME_FIELDS: InputFields = { field: (ruleField) => ruleField, problems: [] };

const PER_KIND = 'meetingPoints.perKind.';

const share = (s: ShareRuleInput): ShareRule => ({ mode: s.mode, value: s.value ?? 0 });
const points = (p: PublishCreditRulesInput['memberPoints']): PointsRule => ({
  basis: p.basis,
  pointsPerHour: p.pointsPerHour ?? 0,
});

export function ruleFromInput(input: PublishCreditRulesInput): {
  rule: CreditRuleSet;
  fields: InputFields;
} {
  const problems: FieldError[] = [];
  // Meeting points arrive as a list (the SDL's shape, see credit-rules.graphql); a kind left out
  // keeps its default points, so a version that changes one kind names only that one.
  const perKind = { ...DEFAULT_MEETING_POINTS.perKind };
  const indexOf = new Map<MeetingKind, number>();
  input.meetingPoints?.perKind.forEach(({ kind, points: kindPoints }, i) => {
    if (indexOf.has(kind)) {
      problems.push({
        field: `meetingPoints.perKind.${i}.kind`,
        message: `${kind} is already given at perKind.${indexOf.get(kind)}: give each kind once`,
      });
      return;
    }
    indexOf.set(kind, i);
    perKind[kind] = kindPoints;
  });
  const meetings = input.meetingPoints;
  const rule: CreditRuleSet = {
    version: input.version,
    effectiveFrom: input.effectiveFrom,
    description: input.description,
    memberPoints: points(input.memberPoints),
    organizationClaimPoints: points(input.organizationClaimPoints),
    branchShare: share(input.branchShare),
    unitShare: share(input.unitShare),
    firmShare: share(input.firmShare),
    stationVisitPoints: { operator: input.stationVisitPoints?.operator ?? 0 },
    meetingPoints: meetings
      ? {
          perKind,
          branchShare: share(meetings.branchShare),
          firmShare: share(meetings.firmShare),
          memberMonthlyCap: meetings.memberMonthlyCap,
        }
      : DEFAULT_MEETING_POINTS,
    bonuses: input.bonuses ? { ...input.bonuses } : DEFAULT_BONUSES,
    householdVisitPoints: input.householdVisitPoints
      ? {
          member: input.householdVisitPoints.member,
          branchShare: share(input.householdVisitPoints.branchShare),
        }
      : DEFAULT_HOUSEHOLD_VISIT_POINTS,
    monthlyCaps: {
      MEMBER: input.monthlyCaps.member,
      ORGANIZATION: input.monthlyCaps.organization,
      FIRM: input.monthlyCaps.firm,
    },
    firmBonusTiers: input.firmBonusTiers.map((t) => ({ ...t })),
    letters: { ...input.letters },
  };
  const field = (ruleField: string): string => {
    if (!ruleField.startsWith(PER_KIND)) return ruleField;
    // perKind is a map in the rule and a list in the input; a kind's points sit at its item.
    const i = indexOf.get(ruleField.slice(PER_KIND.length) as MeetingKind);
    return i === undefined ? ruleField : `meetingPoints.perKind.${i}.points`;
  };
  return { rule, fields: { field, problems } };
}

/** The input's and the rule's problems, by input path (`input.meetingPoints.perKind.2.points`). */
export function publishProblems(
  rule: CreditRuleSet,
  fields: InputFields = SAME_FIELDS,
): FieldError[] {
  return [
    ...fields.problems,
    ...ruleProblems(rule).map((p) => ({ ...p, field: fields.field(p.field) })),
  ].map((p) => ({ ...p, field: `input.${p.field}` }));
}
