import type { Claims } from './claims';

/** A node of the organization tree as scope checks need it: its id and its ancestors' ids. */
export interface ScopedNode {
  id: string;
  ancestorIds: readonly string[];
}

/** ADMIN and AUDITOR see every organization; every other role sees its organization's subtree. */
export function hasGlobalScope(claims: Claims): boolean {
  return claims.role === 'ADMIN' || claims.role === 'AUDITOR';
}

export function isWithinScope(claims: Claims, node: ScopedNode): boolean {
  if (hasGlobalScope(claims)) return true;
  const root = claims.orgId;
  return root !== undefined && (node.id === root || node.ancestorIds.includes(root));
}

/** Changing a node takes ADMIN, or the ORG_ADMIN of one of the node's ancestors. */
export function canManage(claims: Claims, node: ScopedNode): boolean {
  if (claims.role === 'ADMIN') return true;
  return (
    claims.role === 'ORG_ADMIN' &&
    claims.orgId !== undefined &&
    node.ancestorIds.includes(claims.orgId)
  );
}

/**
 * Running what belongs to a node (its stations, tasks, centres, own reports) takes ADMIN, or an
 * ORG_ADMIN of the node itself or of one of its ancestors: unlike `canManage`, the node's own
 * admin counts.
 */
export function canAdminister(claims: Claims, node: ScopedNode): boolean {
  return claims.role === 'ADMIN' || (claims.role === 'ORG_ADMIN' && isWithinScope(claims, node));
}

/**
 * Reading what an organization holds about people and their work (claims, workers, visits…)
 * takes the organization's subtree in scope, and never MEMBER: a member's scope is itself, not
 * its branch, so a member's token reads such records only where they are about that member.
 */
export function isWithinRecordScope(claims: Claims, node: ScopedNode): boolean {
  return claims.role !== 'MEMBER' && isWithinScope(claims, node);
}
