// The organization tree's kinds, sectors and statuses with their Chinese labels. The
// organizations service owns them (its SDL enums); members and volunteering meet the same codes
// in lifecycle events and the org projection and show or filter by them, so the one copy lives
// here beside the events that carry the codes. The lifecycle v1 contract keeps `kind`/`sector`
// as strings: a new value must not break a consumer of v1.

export const ORGANIZATION_KIND_LABELS = {
  PARTY_COMMITTEE: '党委',
  WORKING_COMMITTEE: '党工委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  GROUP: '党小组',
  TEMPORARY_BRANCH: '临时党支部',
  JOINT_COMMITTEE: '联合党委',
  COMPREHENSIVE_COMMITTEE: '综合党委',
  MOBILE_BRANCH: '流动党支部',
} as const;
export type OrganizationKind = keyof typeof ORGANIZATION_KIND_LABELS;
export const ORGANIZATION_KINDS = Object.keys(ORGANIZATION_KIND_LABELS) as OrganizationKind[];

export const ORGANIZATION_SECTOR_LABELS = {
  COMMUNITY: '社区',
  VILLAGE: '村',
  RESIDENTIAL_COMPOUND: '小区',
  GRID: '网格',
  BUILDING: '楼栋',
  STATE_ORGAN: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  SOE: '国企',
  NON_PUBLIC_ENTERPRISE: '非公企业',
  SOCIAL_ORGANIZATION: '社会组织',
  CONSTRUCTION_PROJECT: '项目',
  NEW_EMPLOYMENT: '新业态新就业群体',
} as const;
export type OrganizationSector = keyof typeof ORGANIZATION_SECTOR_LABELS;
export const ORGANIZATION_SECTORS = Object.keys(ORGANIZATION_SECTOR_LABELS) as OrganizationSector[];

export const ORGANIZATION_STATUS_LABELS = { ACTIVE: '正常', DISSOLVED: '已撤销' } as const;
export type OrganizationStatus = keyof typeof ORGANIZATION_STATUS_LABELS;
export const ORGANIZATION_STATUSES = Object.keys(
  ORGANIZATION_STATUS_LABELS,
) as OrganizationStatus[];
