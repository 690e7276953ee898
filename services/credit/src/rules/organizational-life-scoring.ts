import type { AttendanceFactV1, MeetingRefV1 } from '@jiceng/events';
import { accountKey } from '../account/account';
import type { CreditRuleSet } from './credit-rules';
import { collectEarnings, sharePoints, type Earning } from './scoring';

// What organizational life (组织生活) and its results earn under one rule version (pure).

/** The member's meeting points for attending, before the member's meeting cap (0 unless PRESENT). */
export function attendancePoints(
  rule: CreditRuleSet,
  kind: MeetingRefV1['kind'],
  status: AttendanceFactV1['status'],
): number {
  return status === 'PRESENT' ? (rule.meetingPoints.perKind[kind] ?? 0) : 0;
}

/**
 * The shares of one attendance worth `memberPoints`, by the meeting rules' shares: the member's
 * home branch (for a floating member its home branch, not the project branch it attended), and,
 * for a floating member, the firm behind the project branch: a firm earns from its floating
 * members' attendance at its project branches as it earns from their volunteering. The member's
 * own entry is planned apart, since the meeting cap decides it.
 */
export function attendanceShares(
  rule: CreditRuleSet,
  fact: Pick<AttendanceFactV1, 'homeOrganizationId'>,
  memberPoints: number,
  firmId: string | null,
): Earning[] {
  const { earnings, add } = collectEarnings();
  add(
    'ORGANIZATION',
    fact.homeOrganizationId,
    'BRANCH',
    sharePoints(rule.meetingPoints.branchShare, memberPoints),
  );
  if (firmId) add('FIRM', firmId, 'FIRM', sharePoints(rule.meetingPoints.firmShare, memberPoints));
  return earnings;
}

export function memberEarning(memberId: string, points: number): Earning {
  return {
    account: accountKey('MEMBER', memberId),
    accountKind: 'MEMBER',
    accountId: memberId,
    role: 'MEMBER',
    requested: points,
  };
}

/** A published five-star rating: the rated organization's bonus (none for 3 or 4 stars). */
export function starRatingBonus(
  rule: CreditRuleSet,
  rating: { organizationId: string; stars: number | null },
): Earning[] {
  const { earnings, add } = collectEarnings();
  if (rating.stars === 5)
    add('ORGANIZATION', rating.organizationId, 'STAR_RATING', rule.bonuses.fiveStarRating);
  return earnings;
}

/** A completed joint project: every party organization of the pairing earns the bonus. */
export function jointProjectBonus(rule: CreditRuleSet, partyIds: readonly string[]): Earning[] {
  const { earnings, add } = collectEarnings();
  for (const partyId of new Set(partyIds))
    add('ORGANIZATION', partyId, 'JOINT_BUILDING', rule.bonuses.jointProjectCompleted);
  return earnings;
}
