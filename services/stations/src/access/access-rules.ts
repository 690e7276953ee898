import { isWithinScope, type Claims, type ScopedNode } from '@jiceng/auth';

/**
 * An organization's own admins, and those of the organizations above it, administer its
 * stations, workers and flag vehicles: ADMIN, or an ORG_ADMIN whose subtree holds the node.
 */
export function canAdminister(claims: Claims, node: ScopedNode): boolean {
  if (claims.role === 'ADMIN') return true;
  return claims.role === 'ORG_ADMIN' && isWithinScope(claims, node);
}

/** Day-to-day running (status, visits, registering workers) also takes a STATION_OPERATOR. */
export function canOperate(claims: Claims, node: ScopedNode): boolean {
  if (canAdminister(claims, node)) return true;
  return claims.role === 'STATION_OPERATOR' && isWithinScope(claims, node);
}
