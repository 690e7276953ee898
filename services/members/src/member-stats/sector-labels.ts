// Labels of the organizations service's OrganizationSector values: events carry the codes, and
// the statistics show them to Chinese readers.
export const SECTOR_LABELS: Record<string, string> = {
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
  UNKNOWN: '未知',
};
