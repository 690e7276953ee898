import type { Types } from 'mongoose';
import { hasGlobalScope, type Claims } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';

// Meetings and appraisals are records about members: ADMIN and AUDITOR read all of them,
// ORG_ADMIN and ANALYST those of their subtree, a MEMBER only its own attendance and appraisal
// (through its Member record), STATION_OPERATOR none. Recording and correcting take ADMIN or an
// ORG_ADMIN of the branch or one of its ancestors (managesPath).

export function readsOrganizationalLife(claims: Claims): boolean {
  return hasGlobalScope(claims) || claims.role === 'ORG_ADMIN' || claims.role === 'ANALYST';
}

/** A role refusal that does not depend on the target: FORBIDDEN before any lookup. */
export function assertReadsOrganizationalLife(claims: Claims): void {
  if (!readsOrganizationalLife(claims))
    throw forbidden('Your role does not read meetings and their compliance');
}

/** Whether the caller reads the records of the organization whose path (itself last) is given. */
export function readsWithin(claims: Claims, path: readonly Types.ObjectId[]): boolean {
  if (hasGlobalScope(claims)) return true;
  return readsOrganizationalLife(claims) && path.some((id) => String(id) === claims.orgId);
}
