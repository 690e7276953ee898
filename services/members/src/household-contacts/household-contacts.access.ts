import type { Types } from 'mongoose';
import { hasGlobalScope, type Claims } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';
import type { OrgNode } from '@jiceng/org-projection';
import { managesPath } from '../member/member-access';

// Households and visits are records about people (the residents a member contacts): ADMIN and
// AUDITOR read all of them, ORG_ADMIN and ANALYST those of their subtree, a MEMBER the households
// it holds (through its Member record), STATION_OPERATOR none. Registering, assigning and solving
// take ADMIN or an ORG_ADMIN of the grid or an ancestor (the village/community branch above a
// grid, the branch a 党小组 belongs to); a visit is recorded by them or by the household's member.
// A household's phone shows to those who manage the grid and to its own member; masked to the
// rest, as a member's phone is.

/** The organizations households belong to: grids (网格) of any kind, and 党小组. */
export function gridProblem(node: Pick<OrgNode, 'name' | 'kind' | 'sector'>): string | undefined {
  return isGrid(node)
    ? undefined
    : `${node.name} is not a grid (an organization of sector GRID, or a 党小组)`;
}

export const isGrid = (node: Pick<OrgNode, 'kind' | 'sector'>): boolean =>
  node.sector === 'GRID' || node.kind === 'GROUP';

/** The projection filter of the grids of a subtree. */
export const GRID_FILTER = { $or: [{ sector: 'GRID' }, { kind: 'GROUP' }], status: 'ACTIVE' };

export function readsHouseholdContacts(claims: Claims): boolean {
  return hasGlobalScope(claims) || claims.role === 'ORG_ADMIN' || claims.role === 'ANALYST';
}

/** A role refusal that does not depend on the target: FORBIDDEN before any lookup. */
export function assertReadsHouseholdContacts(claims: Claims): void {
  if (!readsHouseholdContacts(claims))
    throw forbidden('Your role does not read household contacts; a member reads its own');
}

/** Whether the caller reads the households of the grid whose path (itself last) is given. */
export function readsGrid(claims: Claims, path: readonly Types.ObjectId[]): boolean {
  if (hasGlobalScope(claims)) return true;
  return readsHouseholdContacts(claims) && path.some((id) => String(id) === claims.orgId);
}

export const isHolder = (claims: Claims, memberId: Types.ObjectId | string | null) =>
  claims.role === 'MEMBER' && memberId !== null && claims.memberId === String(memberId);

/** Who sees a household's phone in clear. */
export function seesHouseholdPhone(
  claims: Claims,
  path: readonly Types.ObjectId[],
  memberId: Types.ObjectId | null,
): boolean {
  return managesPath(claims, path) || isHolder(claims, memberId);
}

/**
 * Registering, assigning and solving are for ADMIN and ORG_ADMIN only: any other role is refused
 * before a lookup, whatever the target.
 */
export function assertManagesGrids(claims: Claims, what: string): void {
  if (claims.role !== 'ADMIN' && claims.role !== 'ORG_ADMIN')
    throw forbidden(`Only ADMIN or an ORG_ADMIN of the grid or above ${what}`);
}
