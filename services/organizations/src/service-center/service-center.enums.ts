export const SERVICE_CENTER_KIND_LABELS = {
  SERVICE_CENTER: '党群服务中心',
  ACTIVITY_ROOM: '党群活动室',
  COMPOUND_LOUNGE: '小区党建客厅',
} as const;
export type ServiceCenterKind = keyof typeof SERVICE_CENTER_KIND_LABELS;
export const SERVICE_CENTER_KINDS = Object.keys(SERVICE_CENTER_KIND_LABELS) as ServiceCenterKind[];

export const SERVICE_CENTER_LEVEL_LABELS = {
  STREET: '街道（乡镇）级',
  COMMUNITY: '社区（村）级',
  COMPOUND: '小区级',
} as const;
export type ServiceCenterLevel = keyof typeof SERVICE_CENTER_LEVEL_LABELS;
export const SERVICE_CENTER_LEVELS = Object.keys(
  SERVICE_CENTER_LEVEL_LABELS,
) as ServiceCenterLevel[];

// "六有" as applied to party venues, and the "十统一" of the 秦皇岛 report (场所名称 … 上墙制度).
export const SIX_HAVES_LABELS = {
  SIX_HAVES_VENUE: '有固定场所',
  SIX_HAVES_SIGN: '有标识牌匾',
  SIX_HAVES_FLAG: '有党旗党徽',
  SIX_HAVES_EQUIPMENT: '有设施设备',
  SIX_HAVES_RULES: '有制度上墙',
  SIX_HAVES_MATERIALS: '有书报资料',
} as const;
export const TEN_UNIFIED_LABELS = {
  TEN_UNIFIED_NAME: '场所名称统一',
  TEN_UNIFIED_PLAQUE: '门头牌匾统一',
  TEN_UNIFIED_EXTERIOR: '外观标识统一',
  TEN_UNIFIED_ZONING: '功能分区统一',
  TEN_UNIFIED_WINDOWS: '办事窗口统一',
  TEN_UNIFIED_COUNTERS: '柜台设置统一',
  TEN_UNIFIED_OFFICE_EQUIPMENT: '办公设备统一',
  TEN_UNIFIED_SERVICE_FACILITIES: '服务设施统一',
  TEN_UNIFIED_DISCLOSURE: '政务公开统一',
  TEN_UNIFIED_POSTED_RULES: '上墙制度统一',
} as const;
export const STANDARD_ITEM_LABELS = { ...SIX_HAVES_LABELS, ...TEN_UNIFIED_LABELS };
export type StandardItem = keyof typeof STANDARD_ITEM_LABELS;
export const STANDARD_ITEMS = Object.keys(STANDARD_ITEM_LABELS) as StandardItem[];

/**
 * Floor area a 党群服务中心 must have: 1000 m² for a street (township) centre, 500 m² for a
 * community (village) one; no area standard applies to activity rooms, lounges or compound level.
 */
export function requiredFloorAreaSqm(
  kind: ServiceCenterKind,
  level: ServiceCenterLevel,
): number | null {
  if (kind !== 'SERVICE_CENTER') return null;
  if (level === 'STREET') return 1000;
  if (level === 'COMMUNITY') return 500;
  return null;
}
