import { canAdminister, canManage, type Claims, type ScopedNode } from '@jiceng/auth';

/**
 * Who may take a step on an organization's record. ABOVE: ADMIN, or the ORG_ADMIN of an ancestor
 * (立项, 上考, 考核: the level above decides). OWN_OR_ABOVE: also the organization's own ORG_ADMIN
 * (立项申请, 自主申报, reports on its own work, running its own contest or fund).
 */
export type Authority = 'ABOVE' | 'OWN_OR_ABOVE';

export function mayWrite(claims: Claims, node: ScopedNode, authority: Authority): boolean {
  return authority === 'ABOVE' ? canManage(claims, node) : canAdminister(claims, node);
}

export const AUTHORITY_WORDS: Record<Authority, string> = {
  ABOVE: 'ADMIN or an ORG_ADMIN above',
  OWN_OR_ABOVE: 'ADMIN or an ORG_ADMIN of or above',
};

/** Village party organizations (村党组织): the branch, general branch or committee of a village. */
export const VILLAGE_SECTOR = 'VILLAGE';

/** The province of a GB/T 2260 region code: its first two digits. */
export const provinceOf = (regionCode: string) => regionCode.slice(0, 2);
