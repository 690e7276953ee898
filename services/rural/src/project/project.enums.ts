// "推进党支部领办合作社，创办村集体企业 … 1300亩高品质现代设施农业 … 文化旅游 … 示范创建".
export const RURAL_PROJECT_KIND_LABELS = {
  COOPERATIVE: '党支部领办合作社',
  COLLECTIVE_ENTERPRISE: '村集体企业',
  FACILITY_AGRICULTURE: '设施农业',
  CULTURE_TOURISM: '文旅',
  DEMONSTRATION: '示范创建',
} as const;
export type RuralProjectKind = keyof typeof RURAL_PROJECT_KIND_LABELS;
export const RURAL_PROJECT_KINDS = Object.keys(RURAL_PROJECT_KIND_LABELS) as RuralProjectKind[];

export const RURAL_FUNDING_TYPE_LABELS = {
  INVESTMENT: '投资',
  SUBSIDY: '奖补资金',
} as const;
export type RuralFundingType = keyof typeof RURAL_FUNDING_TYPE_LABELS;
export const RURAL_FUNDING_TYPES = Object.keys(RURAL_FUNDING_TYPE_LABELS) as RuralFundingType[];
