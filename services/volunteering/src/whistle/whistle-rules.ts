// Who is who in 吹哨报到, read off the organization tree (the projection's nodes).
import type { OrganizationSector } from '@jiceng/events';

export interface TreeNode {
  _id: { toString(): string };
  name: string;
  kind: string;
  sector: string;
  regionCode: string;
}

/** 村（社区）and 乡镇/街道 sit in these sectors; the tree above them is the county's organs. */
export const GRASSROOTS_SECTORS: readonly OrganizationSector[] = ['COMMUNITY', 'VILLAGE'];
const TOWNSHIP_KINDS = ['PARTY_COMMITTEE', 'WORKING_COMMITTEE'];
/** The departments a township may whistle: 机关 and 事业单位. */
export const DEPARTMENT_SECTORS: readonly OrganizationSector[] = [
  'STATE_ORGAN',
  'PUBLIC_INSTITUTION',
];

/**
 * The township (乡镇党委) or street (街道党工委) of a village or community, given its ancestors
 * root first. It is the top of the run of grassroots-sector (COMMUNITY/VILLAGE) organizations
 * the village belongs to: the grassroots ancestor whose parent is no longer grassroots (the
 * county's committee), provided it is a committee (党委 or 党工委). A village's general branch
 * (村党总支) between the two is skipped, and a community hung directly below a district has no
 * township. Null when there is none.
 */
export function townshipOf<N extends TreeNode>(ancestors: readonly N[]): N | null {
  let top: N | null = null;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (!GRASSROOTS_SECTORS.includes(ancestors[i].sector as OrganizationSector)) break;
    top = ancestors[i];
  }
  return top && TOWNSHIP_KINDS.includes(top.kind) ? top : null;
}

/**
 * A county-level GB/T 2260 code (县, 县级市, 市辖区): six digits not ending in 00, which
 * provinces (xx0000) and prefecture cities (xxxx00) do.
 */
export const isCountyCode = (code: string) => /^\d{4}(?!00)\d{2}$/.test(code);

/**
 * The district or county (县委/区委) of a township, given the township's ancestors root first:
 * the nearest one whose region code is county-level. Null when there is none.
 */
export function countyOf<N extends TreeNode>(ancestors: readonly N[]): N | null {
  for (let i = ancestors.length - 1; i >= 0; i--)
    if (isCountyCode(ancestors[i].regionCode) && !isGrassroots(ancestors[i])) return ancestors[i];
  return null;
}

const isGrassroots = (node: TreeNode) =>
  GRASSROOTS_SECTORS.includes(node.sector as OrganizationSector);

/**
 * Why the organization cannot be whistled as a department of the county, or null when it can:
 * a 机关 or 事业单位 organization strictly below the county's committee.
 */
export function departmentProblem(
  node: TreeNode & { ancestorIds: readonly { toString(): string }[] },
  county: { _id: { toString(): string }; name: string },
): string | null {
  if (!DEPARTMENT_SECTORS.includes(node.sector as OrganizationSector))
    return `is ${node.name}, not a department (机关 or 事业单位 organization)`;
  if (!node.ancestorIds.some((id) => String(id) === String(county._id)))
    return `is ${node.name}, a department outside ${county.name}`;
  return null;
}
