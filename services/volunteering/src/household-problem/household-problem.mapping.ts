// 党员联系户: a problem a member's visit found becomes a 群众诉求 in the five-step loop. What the
// request is made of, from the members subgraph's `household-visit.recorded` event (ids and a
// category only: the problem's text stays in members).
import type { Types } from 'mongoose';
import {
  HOUSEHOLD_PROBLEM_CATEGORY_LABELS_V1,
  type HouseholdProblemCategoryV1,
  type HouseholdVisitV1,
} from '@jiceng/events';
import type { OrgNode } from '@jiceng/org-projection';
import { isCommunity } from '../community/community-scope';
import type { ServiceRequestCategory } from '../service-request/service-request.enums';
import type { ServiceRequestSource } from '../service-request/service-request.schema';

/**
 * The request's category for each kind of problem. 生活困难 has no category of its own among the
 * requests' (养老助残 is narrower), so it goes to 其他; the title still names it.
 */
export const REQUEST_CATEGORY_OF_PROBLEM = {
  INFRASTRUCTURE: 'PUBLIC_FACILITIES',
  ENVIRONMENT: 'ENVIRONMENT',
  DISPUTE: 'NEIGHBOR_DISPUTE',
  HARDSHIP: 'OTHER',
  POLICY: 'POLICY_ADVICE',
  SAFETY: 'SAFETY',
  OTHER: 'OTHER',
} as const satisfies Record<HouseholdProblemCategoryV1, ServiceRequestCategory>;

/** A neutral title from the problem's kind, e.g. 走访发现：矛盾纠纷 (the event has no text). */
export const householdProblemTitle = (category: HouseholdProblemCategoryV1): string =>
  `走访发现：${HOUSEHOLD_PROBLEM_CATEGORY_LABELS_V1[category]}`;

/**
 * The community a grid's problems go to: the grid itself when it is one (a village branch
 * holding households directly), else its nearest ancestor that is a community (社区) or village
 * (村) organization, as service requests require; it must be active. `ancestors` are the grid's
 * ancestors as the projection knows them, in any order. Null when there is none.
 */
export function communityOfGrid(grid: OrgNode, ancestors: readonly OrgNode[]): OrgNode | null {
  const byId = new Map(ancestors.map((node) => [String(node._id), node]));
  const nearestFirst = [grid, ...[...grid.ancestorIds].reverse().map((id) => byId.get(String(id)))];
  const community = nearestFirst.find((node) => node && isCommunity(node));
  return community && community.status === 'ACTIVE' ? community : null;
}

export interface HouseholdProblemRequest {
  communityId: Types.ObjectId;
  title: string;
  category: ServiceRequestCategory;
  reportedAt: Date;
  source: ServiceRequestSource;
}

/** The request a visit with a problem opens in `community`; null for a visit without one. */
export function requestOfVisit(
  visit: HouseholdVisitV1,
  community: Pick<OrgNode, '_id'>,
  recordedAt: Date,
): HouseholdProblemRequest | null {
  // Members records a problem unsolved; one solved already would need no request.
  if (!visit.problem || visit.problem.solved) return null;
  return {
    communityId: community._id,
    title: householdProblemTitle(visit.problem.category),
    category: REQUEST_CATEGORY_OF_PROBLEM[visit.problem.category],
    // Collected when the visit was recorded (the visit day itself has no time of day).
    reportedAt: recordedAt,
    source: {
      visitId: visit.visitId,
      householdId: visit.householdId,
      gridId: visit.gridId,
      memberId: visit.memberId,
    },
  };
}
