import { STAR_RATING_STATUSES, type StarRatingStatus } from '@jiceng/events';
import type { OrganizationKind, OrganizationSector } from '@jiceng/events';

export { STAR_RATING_STATUSES, type StarRatingStatus };

export const STAR_RATING_STATUS_LABELS: Record<StarRatingStatus, string> = {
  SELF_ASSESSED: '自己评（已自评）',
  DEFENDED: '公开讲（已答辩）',
  INSPECTED: '实地看（已实地查看）',
  REVIEWED: '复评（已复评）',
  PUBLISHED: '已公布',
};

export const STARS = [3, 4, 5] as const;
export type Stars = (typeof STARS)[number];
export const STAR_LABELS: Record<Stars, string> = { 3: '三星级', 4: '四星级', 5: '五星级' };

/** "三查三看": the three things the street checks on site, and what it looks at for each. */
export const INSPECTION_CHECK_LABELS = {
  SERVICE_CENTER: '一查党群服务中心硬件建设，看办公面积、服务设施等是否达标',
  RECORDS: '二查社区党建工作资料，看《党支部工作手册》、“双报到”档案等是否完整',
  HIGHLIGHTS: '三查特色亮点工作，看党建工作是否与社区中心工作相辅相成、相互促进',
} as const;
export type InspectionCheck = keyof typeof INSPECTION_CHECK_LABELS;
export const INSPECTION_CHECKS = Object.keys(INSPECTION_CHECK_LABELS) as InspectionCheck[];

// Star ratings rate community party organizations (社区党委, 党总支, 党支部); a street's working
// committee (党工委) is COMMUNITY-sector too but is the level that rates them.
export const RATED_SECTOR: OrganizationSector = 'COMMUNITY';
export const RATED_KINDS: readonly OrganizationKind[] = [
  'PARTY_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
];

export function isRatedOrganization(org: { sector: string; kind: string }): boolean {
  return org.sector === RATED_SECTOR && (RATED_KINDS as readonly string[]).includes(org.kind);
}

/** The street may name at most this share of its communities five-star candidates per period. */
export const FIVE_STAR_PERCENT = 20;

/** ceil(20% of the street's communities), in integers so that 15 communities give 3, not 4. */
export function fiveStarCap(communityCount: number, percent: number = FIVE_STAR_PERCENT): number {
  return Math.ceil((communityCount * percent) / 100);
}
