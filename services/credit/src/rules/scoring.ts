import type { CheckInReviewedV1, StationVisitRecordedV1 } from '@jiceng/events';
import { accountKey, type AccountKind } from '../account/account';
import {
  NONE_TIER,
  type BonusTier,
  type CreditRuleSet,
  type PointsRule,
  type ShareRule,
} from './credit-rules';

export const EARN_ROLES = [
  'MEMBER',
  'BRANCH',
  'UNIT',
  'FIRM',
  'CLAIMANT',
  'STATION_OPERATOR',
  'STAR_RATING',
  'JOINT_BUILDING',
  'HOUSEHOLD_VISIT',
] as const;
export type EarnRole = (typeof EARN_ROLES)[number];

export const EARN_ROLE_LABELS: Record<EarnRole, string> = {
  MEMBER: '党员本人',
  BRANCH: '所在党支部',
  UNIT: '双报到单位党组织',
  FIRM: '项目施工总承包企业',
  CLAIMANT: '认领组织',
  STATION_OPERATOR: '驿站运营党组织',
  STAR_RATING: '五星级党组织',
  JOINT_BUILDING: '党建联建单位',
  HOUSEHOLD_VISIT: '走访联系户党员',
};

/** Who else earns with a member's claim, as the member and project projections know it. */
export interface Attribution {
  branchId: string;
  unitOrganizationId: string | null;
  /** The firm behind the floating member's project branch, if any. */
  firmId: string | null;
}

/** What one approval earns one account, before the account's monthly cap. */
export interface Earning {
  account: string;
  accountKind: AccountKind;
  accountId: string;
  role: EarnRole;
  requested: number;
}

type Claim = Pick<
  CheckInReviewedV1,
  'claimantKind' | 'memberId' | 'organizationId' | 'taskPoints' | 'durationMinutes'
>;

export function claimPoints(rule: PointsRule, claim: Claim): number {
  if (rule.basis === 'TASK') return claim.taskPoints;
  return Math.floor((claim.durationMinutes * rule.pointsPerHour) / 60);
}

export function sharePoints(share: ShareRule, memberPoints: number): number {
  if (memberPoints <= 0) return 0;
  if (share.mode === 'FRACTION') return Math.floor(memberPoints * share.value);
  if (share.mode === 'FIXED') return share.value;
  return 0;
}

/**
 * Earnings added one by one: none with zero points, and an account named twice earns once with
 * the sum, since the ledger holds one entry per event and account.
 */
export function collectEarnings() {
  const earnings: Earning[] = [];
  const add = (accountKind: AccountKind, accountId: string, role: EarnRole, points: number) => {
    if (points <= 0) return;
    const account = accountKey(accountKind, accountId);
    const same = earnings.find((e) => e.account === account);
    if (same) same.requested += points;
    else earnings.push({ account, accountKind, accountId, role, requested: points });
  };
  return { earnings, add };
}

/**
 * The earnings of one approved claim under one rule version: the member, its branch, its unit
 * organization (双报到) and the firm behind its project branch, or the claiming organization.
 * Nothing is earned with zero points; an account named twice (a branch that is also the unit)
 * earns once with the sum, since the ledger holds one entry per event and account.
 */
export function earningsFor(
  rule: CreditRuleSet,
  claim: Claim,
  attribution: Attribution | null,
): Earning[] {
  const { earnings, add } = collectEarnings();
  if (claim.claimantKind === 'ORGANIZATION') {
    if (!claim.organizationId) throw new Error('an organization claim names no organization');
    add(
      'ORGANIZATION',
      claim.organizationId,
      'CLAIMANT',
      claimPoints(rule.organizationClaimPoints, claim),
    );
    return earnings;
  }
  if (!claim.memberId) throw new Error('a member claim names no member');
  if (!attribution) throw new Error(`member ${claim.memberId} is not known yet`);
  const points = claimPoints(rule.memberPoints, claim);
  add('MEMBER', claim.memberId, 'MEMBER', points);
  add('ORGANIZATION', attribution.branchId, 'BRANCH', sharePoints(rule.branchShare, points));
  if (attribution.unitOrganizationId)
    add(
      'ORGANIZATION',
      attribution.unitOrganizationId,
      'UNIT',
      sharePoints(rule.unitShare, points),
    );
  if (attribution.firmId)
    add('FIRM', attribution.firmId, 'FIRM', sharePoints(rule.firmShare, points));
  return earnings;
}

/**
 * What one station visit earns under one rule version: its operator organization (as the visit
 * names it, at the time of the visit) earns the points per visit served; nothing with zero.
 */
export function visitEarnings(
  rule: CreditRuleSet,
  visit: Pick<StationVisitRecordedV1, 'operatorId'>,
): Earning[] {
  const points = rule.stationVisitPoints.operator;
  if (points <= 0) return [];
  return [
    {
      account: accountKey('ORGANIZATION', visit.operatorId),
      accountKind: 'ORGANIZATION',
      accountId: visit.operatorId,
      role: 'STATION_OPERATOR',
      requested: points,
    },
  ];
}

/** The tier a firm's quarterly points reach: the highest whose minimum they meet. */
export function tierFor(tiers: readonly BonusTier[], points: number): BonusTier {
  const reached = tiers
    .filter((t) => points >= t.minPoints)
    .sort((a, b) => b.minPoints - a.minPoints);
  return reached[0] ?? NONE_TIER;
}
