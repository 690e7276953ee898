// 群众诉求: the five-step closed loop 采集上报 → 审查受理 → 处理反馈 → 核查结案 → 考核评价.
export const SERVICE_REQUEST_CATEGORY_LABELS = {
  ENVIRONMENT: '环境卫生',
  PROPERTY_MANAGEMENT: '物业管理',
  PUBLIC_FACILITIES: '公共设施',
  NEIGHBOR_DISPUTE: '邻里纠纷',
  ELDERLY_CARE: '养老助残',
  SAFETY: '安全隐患',
  POLICY_ADVICE: '政策咨询',
  OTHER: '其他',
} as const;
export type ServiceRequestCategory = keyof typeof SERVICE_REQUEST_CATEGORY_LABELS;
export const SERVICE_REQUEST_CATEGORIES = Object.keys(
  SERVICE_REQUEST_CATEGORY_LABELS,
) as ServiceRequestCategory[];

export const SERVICE_REQUEST_CHANNEL_LABELS = {
  MINI_PROGRAM: '小程序',
  HOTLINE: '热线电话',
  VISIT: '上门走访',
  GRID: '网格员采集',
  WALK_IN: '来访',
  SERVICE_DAY: '德邻有约服务日',
  // Opened by the household-problem consumer from a 党员联系户 visit that found a problem; the
  // request keeps the visit as its `source`, so no one reports through this channel by hand.
  HOUSEHOLD_VISIT: '走访发现',
} as const;
export type ServiceRequestChannel = keyof typeof SERVICE_REQUEST_CHANNEL_LABELS;
export const SERVICE_REQUEST_CHANNELS = Object.keys(
  SERVICE_REQUEST_CHANNEL_LABELS,
) as ServiceRequestChannel[];

export const SATISFACTION_LABELS = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
} as const;
export type Satisfaction = keyof typeof SATISFACTION_LABELS;
export const SATISFACTIONS = Object.keys(SATISFACTION_LABELS) as Satisfaction[];
/** 满意率 counts 满意 and 基本满意. */
export const SATISFIED_LEVELS: readonly Satisfaction[] = ['SATISFIED', 'BASICALLY_SATISFIED'];
