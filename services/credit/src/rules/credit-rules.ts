import type { MeetingRefV1 } from '@jiceng/events';
import type { AccountKind } from '../account/account';

// Rules are data, not code branches: each version is a document with the instant it takes
// effect. An approval is scored by the version in force at its reviewedAt, a station visit by
// the version in force at its visitedAt; a period's caps and tier table come from the version in
// force when the period starts, so every entry of one account and month meets the same cap (see
// ledger/caps.ts).

export const POINTS_BASES = ['TASK', 'HOURS'] as const;
export type PointsBasis = (typeof POINTS_BASES)[number];

export const SHARE_MODES = ['NONE', 'FRACTION', 'FIXED'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/** How a claim is scored: the task's own points, or points per hour of check-in to check-out. */
export interface PointsRule {
  basis: PointsBasis;
  /** Used with HOURS: whole points for each full hour, pro rata per minute, rounded down. */
  pointsPerHour: number;
}

/** What an organization earns with a member: a fraction of the member's points or fixed points. */
export interface ShareRule {
  mode: ShareMode;
  value: number;
}

/** What a station visit (爱心驿站 service to a new-employment worker) earns. */
export interface StationVisitRule {
  /** Whole points the station's operator organization earns per visit served. */
  operator: number;
}

export type MeetingKind = MeetingRefV1['kind'];

/** What attending a meeting (三会一课, 主题党日, 组织生活会) earns; only PRESENT earns. */
export interface MeetingPointsRule {
  /** The member's points per meeting attended, by kind. */
  perKind: Record<MeetingKind, number>;
  /**
   * The member's home branch's share of them, and the firm's behind a floating member's project
   * branch: shares of their own, since the claims' fractions of a few points round to nothing.
   */
  branchShare: ShareRule;
  firmShare: ShareRule;
  /**
   * Most meeting points one member earns in one month (Asia/Shanghai), inside the member's
   * general monthly cap: meetings alone never fill a member's month.
   */
  memberMonthlyCap: number;
}

/** Bonuses (奖励加分) for results rather than participation, in whole points. */
export interface BonusRule {
  /** The rated community organization, for a published five-star rating, in its quarter. */
  fiveStarRating: number;
  /** Each party organization of a pairing (联建), for each joint project it completes. */
  jointProjectCompleted: number;
  /**
   * Whether a firm's bonus tier also counts the joint-building bonuses its project branches
   * earned in the quarter (the firm's own party organizations on its projects).
   */
  firmTierCountsJointBuilding: boolean;
}

/**
 * What a household visit (党员联系户走访) earns. The duty is a visit of every household each month
 * by the 10th (每月10日前走访联系户): only a visit on time earns, and only one visit per household
 * and month, so visiting a household again (or late) is never worth points.
 */
export interface HouseholdVisitPointsRule {
  /** The visiting member's whole points for the household's month. */
  member: number;
  /** The member's branch's share of them (its own, like the meetings' share). */
  branchShare: ShareRule;
}

export interface BonusTier {
  tier: string;
  label: string;
  minPoints: number;
  /** Credit evaluation points the tier adds (信用评价加分). */
  bonusScore: number;
}

export interface LetterCounts {
  memberTop: number;
  memberBottom: number;
  organizationTop: number;
  organizationBottom: number;
}

export interface CreditRuleSet {
  version: string;
  effectiveFrom: Date;
  description: string;
  /** A member's points for an approved claim. */
  memberPoints: PointsRule;
  /** An organization's points for a claim it made itself. */
  organizationClaimPoints: PointsRule;
  /** The branch holding the member's membership. */
  branchShare: ShareRule;
  /** The member's unit organization (双报到). */
  unitShare: ShareRule;
  /** The construction firm behind a floating member's project branch. */
  firmShare: ShareRule;
  /** The operator organization of a station, per visit it serves. */
  stationVisitPoints: StationVisitRule;
  meetingPoints: MeetingPointsRule;
  bonuses: BonusRule;
  householdVisitPoints: HouseholdVisitPointsRule;
  /** Most points one account can earn in one month (Asia/Shanghai). */
  monthlyCaps: Record<AccountKind, number>;
  /** Firm bonus tiers by quarterly points; below every tier a firm is in NONE_TIER. */
  firmBonusTiers: BonusTier[];
  /** How many top ranks get a thank-you letter and bottom ranks a reminder letter. */
  letters: LetterCounts;
}

/**
 * The meeting points and bonuses of every version stored before these fields existed: no meeting
 * or bonus was ever scored before them, so reading them into older versions changes no entry.
 */
export const DEFAULT_MEETING_POINTS: MeetingPointsRule = {
  perKind: {
    BRANCH_GENERAL_MEETING: 3,
    BRANCH_COMMITTEE_MEETING: 2,
    PARTY_GROUP_MEETING: 2,
    PARTY_LECTURE: 3,
    THEME_PARTY_DAY: 3,
    ORGANIZATIONAL_LIFE_MEETING: 3,
  },
  branchShare: { mode: 'FIXED', value: 1 },
  firmShare: { mode: 'FIXED', value: 1 },
  memberMonthlyCap: 20,
};

export const DEFAULT_BONUSES: BonusRule = {
  fiveStarRating: 100,
  jointProjectCompleted: 50,
  firmTierCountsJointBuilding: true,
};

/**
 * Household visit points of every version stored before the field existed (none was scored
 * before it): 2 points a household and month, so a member's 10–15 households (每名党员分包联系
 * 10—15户) are worth 20–30 points a month, about what a month of meetings is; 1 for the branch.
 */
export const DEFAULT_HOUSEHOLD_VISIT_POINTS: HouseholdVisitPointsRule = {
  member: 2,
  branchShare: { mode: 'FIXED', value: 1 },
};

export const NONE_TIER: BonusTier = { tier: 'NONE', label: '无加分', minPoints: 0, bonusScore: 0 };

/** The first version: from the start of 2020, before any check-in the platform holds. */
export const CREDIT_RULES_V1: CreditRuleSet = {
  version: 'v1',
  effectiveFrom: new Date('2020-01-01T00:00:00+08:00'),
  description:
    '初始积分规则：按任务积分；党员所在支部与双报到单位各得20%，流动党员项目支部背后的施工总承包企业得50%；爱心驿站每服务一人次，运营党组织得1分。',
  memberPoints: { basis: 'TASK', pointsPerHour: 0 },
  organizationClaimPoints: { basis: 'TASK', pointsPerHour: 0 },
  branchShare: { mode: 'FRACTION', value: 0.2 },
  unitShare: { mode: 'FRACTION', value: 0.2 },
  firmShare: { mode: 'FRACTION', value: 0.5 },
  stationVisitPoints: { operator: 1 },
  meetingPoints: DEFAULT_MEETING_POINTS,
  bonuses: DEFAULT_BONUSES,
  householdVisitPoints: DEFAULT_HOUSEHOLD_VISIT_POINTS,
  monthlyCaps: { MEMBER: 200, ORGANIZATION: 3000, FIRM: 10000 },
  firmBonusTiers: [
    { tier: 'A', label: '党建信用A级', minPoints: 3000, bonusScore: 3 },
    { tier: 'B', label: '党建信用B级', minPoints: 1000, bonusScore: 2 },
    { tier: 'C', label: '党建信用C级', minPoints: 300, bonusScore: 1 },
  ],
  letters: { memberTop: 10, memberBottom: 10, organizationTop: 5, organizationBottom: 5 },
};

/**
 * A version as stored: one published before a field existed lacks it. Documents are never
 * rewritten, so a missing field is read as the rule it stood for then (nothing earned).
 */
export type StoredRuleSet = Omit<
  CreditRuleSet,
  'stationVisitPoints' | 'meetingPoints' | 'bonuses' | 'householdVisitPoints'
> & {
  stationVisitPoints?: Partial<StationVisitRule> | null;
  meetingPoints?: Partial<Omit<MeetingPointsRule, 'perKind'>> & {
    perKind?: Partial<MeetingPointsRule['perKind']>;
  };
  bonuses?: Partial<BonusRule> | null;
  householdVisitPoints?: Partial<HouseholdVisitPointsRule> | null;
};

export function storedRule(stored: StoredRuleSet): CreditRuleSet {
  const meetings = stored.meetingPoints;
  return {
    ...stored,
    stationVisitPoints: { operator: stored.stationVisitPoints?.operator ?? 0 },
    meetingPoints: {
      ...DEFAULT_MEETING_POINTS,
      ...meetings,
      perKind: { ...DEFAULT_MEETING_POINTS.perKind, ...meetings?.perKind },
    },
    bonuses: { ...DEFAULT_BONUSES, ...stored.bonuses },
    householdVisitPoints: { ...DEFAULT_HOUSEHOLD_VISIT_POINTS, ...stored.householdVisitPoints },
  };
}

/** The version in force at `instant`: the latest effectiveFrom not after it. */
export function ruleAt<R extends Pick<CreditRuleSet, 'effectiveFrom'>>(
  rules: readonly R[],
  instant: Date,
): R | null {
  let found: R | null = null;
  for (const rule of rules) {
    if (rule.effectiveFrom.getTime() > instant.getTime()) continue;
    if (!found || rule.effectiveFrom.getTime() > found.effectiveFrom.getTime()) found = rule;
  }
  return found;
}

/** Problems with a rule set, by field, for publishing a new version. */
export function ruleProblems(rule: Omit<CreditRuleSet, 'effectiveFrom'>): {
  field: string;
  message: string;
}[] {
  const problems: { field: string; message: string }[] = [];
  const shares = {
    branchShare: rule.branchShare,
    unitShare: rule.unitShare,
    firmShare: rule.firmShare,
    'meetingPoints.branchShare': rule.meetingPoints.branchShare,
    'meetingPoints.firmShare': rule.meetingPoints.firmShare,
    'householdVisitPoints.branchShare': rule.householdVisitPoints.branchShare,
  };
  for (const [field, share] of Object.entries(shares)) {
    if (share.mode === 'FRACTION' && (share.value < 0 || share.value > 1))
      problems.push({ field: `${field}.value`, message: 'a fraction must be between 0 and 1' });
    if (share.mode === 'FIXED' && (!Number.isInteger(share.value) || share.value < 0))
      problems.push({
        field: `${field}.value`,
        message: 'fixed points must be a whole number ≥ 0',
      });
  }
  const { operator } = rule.stationVisitPoints;
  if (!Number.isInteger(operator) || operator < 0)
    problems.push({
      field: 'stationVisitPoints.operator',
      message: 'points per visit must be a whole number ≥ 0',
    });
  const wholePoints: [string, number][] = [
    ...Object.entries(rule.meetingPoints.perKind).map(
      ([kind, points]) => [`meetingPoints.perKind.${kind}`, points] as [string, number],
    ),
    ['meetingPoints.memberMonthlyCap', rule.meetingPoints.memberMonthlyCap],
    ['bonuses.fiveStarRating', rule.bonuses.fiveStarRating],
    ['bonuses.jointProjectCompleted', rule.bonuses.jointProjectCompleted],
    ['householdVisitPoints.member', rule.householdVisitPoints.member],
  ];
  for (const [field, points] of wholePoints)
    if (!Number.isInteger(points) || points < 0)
      problems.push({ field, message: 'points must be a whole number ≥ 0' });
  const tiers = rule.firmBonusTiers;
  if (
    new Set(tiers.map((t) => t.tier)).size !== tiers.length ||
    tiers.some((t) => t.tier === NONE_TIER.tier)
  )
    problems.push({
      field: 'firmBonusTiers',
      message: `tiers must be distinct and not ${NONE_TIER.tier}`,
    });
  if (tiers.some((t) => t.minPoints <= 0))
    problems.push({ field: 'firmBonusTiers', message: 'every tier needs minPoints > 0' });
  return problems;
}
