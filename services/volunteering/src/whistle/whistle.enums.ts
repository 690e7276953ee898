// 吹哨报到: what a village or community raises to its township when it cannot solve a problem.
// 卢龙县 reports "4大类共计69条重点问题" without naming the four; these are the four the seed's
// examples fall into (roads and water, pollution and sanitation, schooling, care and housing,
// disputes and safety).
export const WHISTLE_CATEGORY_LABELS = {
  INFRASTRUCTURE: '基础设施',
  ENVIRONMENT: '生态环境',
  LIVELIHOOD: '民生保障',
  SOCIAL_GOVERNANCE: '社会治理',
} as const;
export type WhistleCategory = keyof typeof WHISTLE_CATEGORY_LABELS;
export const WHISTLE_CATEGORIES = Object.keys(WHISTLE_CATEGORY_LABELS) as WhistleCategory[];
