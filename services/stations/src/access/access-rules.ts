import { canAdminister, isWithinScope, type Claims, type ScopedNode } from '@jiceng/auth';

/**
 * An organization's own admins, and those of the organizations above it, administer its
 * stations, workers and flag vehicles (libs/auth's canAdminister).
 */
export { canAdminister };

/** Day-to-day running (status, visits, registering workers) also takes a STATION_OPERATOR. */
export function canOperate(claims: Claims, node: ScopedNode): boolean {
  if (canAdminister(claims, node)) return true;
  return claims.role === 'STATION_OPERATOR' && isWithinScope(claims, node);
}
