import { canAdminister } from '@jiceng/auth';
import type { OrgNode } from '@jiceng/org-projection';

// Tasks, micro-wishes and service requests belong to a community (社区) or a village (村): a
// party committee, general branch or branch of that sector. A street's working committee (党工委)
// is COMMUNITY-sector too, but it is the level above the communities.
export const COMMUNITY_SECTORS = ['COMMUNITY', 'VILLAGE'];
/** The projection filter of a subtree's communities (and a few street-level nodes of theirs). */
export const COMMUNITY_FILTER = { sector: { $in: COMMUNITY_SECTORS } };
const COMMUNITY_KINDS = ['PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'];

export function isCommunity(node: Pick<OrgNode, 'sector' | 'kind'>): boolean {
  return COMMUNITY_SECTORS.includes(node.sector) && COMMUNITY_KINDS.includes(node.kind);
}

/**
 * A community's admin manages its tasks, reviews and requests: ADMIN, or the ORG_ADMIN of the
 * community itself or of an organization above it (the street, the district).
 */
export const canAdministerCommunity = canAdminister;
