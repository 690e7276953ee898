import { Types, type QueryFilter } from 'mongoose';
import { hasGlobalScope, type Claims } from '@jiceng/auth';
import type { Member } from './member.schema';

// Who may see which member, and in which form:
// - ADMIN and AUDITOR read every member; ORG_ADMIN and ANALYST read the members related to their
//   subtree: held there (organizationPath), working there as a floating member, reporting to a
//   community there, in-service at a unit there, or about to be transferred there; MEMBER reads
//   itself; STATION_OPERATOR reads no member records.
// - Raw ID number, phone and birth date go to ADMIN, to an ORG_ADMIN of the member's branch or one
//   of its ancestors, and to a MEMBER reading its own record (its own data, which it may check).
//   Everyone else, ANALYST and AUDITOR included, gets the masked form.
type Related = Pick<
  Member,
  | '_id'
  | 'organizationPath'
  | 'unitOrganizationPath'
  | 'floating'
  | 'communityReport'
  | 'pendingTransfer'
>;

const contains = (path: readonly Types.ObjectId[] | undefined, id: string | undefined) =>
  id !== undefined && (path ?? []).some((p) => String(p) === id);

const isSelf = (claims: Claims, member: Pick<Member, '_id'>) =>
  claims.role === 'MEMBER' && claims.memberId === String(member._id);

/** ADMIN, or an ORG_ADMIN whose organization is on `path` (a node's ancestors and itself). */
export function managesPath(claims: Claims, path: readonly Types.ObjectId[]): boolean {
  return claims.role === 'ADMIN' || (claims.role === 'ORG_ADMIN' && contains(path, claims.orgId));
}

export function canReadMember(claims: Claims, member: Related): boolean {
  if (hasGlobalScope(claims)) return true;
  if (claims.role === 'MEMBER') return isSelf(claims, member);
  if (claims.role !== 'ORG_ADMIN' && claims.role !== 'ANALYST') return false;
  return [
    member.organizationPath,
    member.unitOrganizationPath,
    member.floating?.projectBranchPath,
    member.communityReport?.communityPath,
    member.pendingTransfer?.toOrganizationPath,
  ].some((path) => contains(path, claims.orgId));
}

export function seesPersonalData(
  claims: Claims,
  member: Pick<Member, '_id' | 'organizationPath'>,
): boolean {
  return managesPath(claims, member.organizationPath) || isSelf(claims, member);
}

/** The members a caller may list, as a query; null when the role lists none. */
export function memberListScope(claims: Claims): QueryFilter<Member> | null {
  if (hasGlobalScope(claims)) return {};
  if (claims.role === 'MEMBER') {
    return claims.memberId && Types.ObjectId.isValid(claims.memberId)
      ? { _id: new Types.ObjectId(claims.memberId) }
      : { _id: { $in: [] } };
  }
  if ((claims.role === 'ORG_ADMIN' || claims.role === 'ANALYST') && claims.orgId)
    return { organizationPath: new Types.ObjectId(claims.orgId) };
  return null;
}

/**
 * Members reached through an organization the caller may read (floating there, reporting there,
 * transferring there): the organization was scope-checked; MEMBER still sees only itself.
 */
export function relatedListScope(claims: Claims): QueryFilter<Member> | null {
  if (claims.role === 'MEMBER') return memberListScope(claims);
  if (hasGlobalScope(claims) || claims.role === 'ORG_ADMIN' || claims.role === 'ANALYST') return {};
  return null;
}
