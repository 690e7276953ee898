import type { OrgNode } from '@jiceng/org-projection';

// 德邻有约 is held by a grid (网格) or compound (小区) branch: "网格（小区）党支部提供平台".
export const SERVICE_DAY_SECTORS = ['GRID', 'RESIDENTIAL_COMPOUND'];

export function isServiceDayBranch(node: Pick<OrgNode, 'sector'>): boolean {
  return SERVICE_DAY_SECTORS.includes(node.sector);
}

/**
 * Units sending members (双报到): volunteering keeps no projection of unit registrations (its
 * member projection drops `unitReport`), so a unit is any active organization in the branch's
 * county (the same GB/T 2260 county code) other than the branch itself.
 */
export function unitProblem(
  unit: Pick<OrgNode, '_id' | 'name' | 'regionCode'>,
  branch: Pick<OrgNode, '_id' | 'regionCode'>,
): string | undefined {
  if (String(unit._id) === String(branch._id)) return 'is the branch itself, not a unit';
  if (unit.regionCode.slice(0, 6) !== branch.regionCode.slice(0, 6))
    return `is ${unit.name}, outside the branch's county (${branch.regionCode})`;
  return undefined;
}
