// "室内配置空调机、饮水机、微波炉等设备，备有医疗急救、雨衣雨伞、修理工具等物品，能够…提供休息、充电、
// 饮水、乘凉、阅读等10余项暖心服务" (运河区) and "冷可取暖、热可纳凉、渴可喝水、急可入厕、累可歇脚、
// 饥可热饭、伤可用药等七项服务" (桃城区).
export const AMENITY_LABELS = {
  AIR_CONDITIONING: '空调',
  DRINKING_WATER: '饮水机',
  MICROWAVE: '微波炉',
  FIRST_AID_KIT: '医疗急救箱',
  RAIN_GEAR: '雨衣雨伞',
  REPAIR_TOOLS: '修理工具',
  CHARGING: '充电',
  RESTROOM: '卫生间',
  READING: '阅读',
  REST: '休息区',
} as const;
export type Amenity = keyof typeof AMENITY_LABELS;
export const AMENITIES = Object.keys(AMENITY_LABELS) as Amenity[];

export const STATION_SERVICE_LABELS = {
  WARMTH: '冷可取暖',
  COOLING: '热可纳凉',
  DRINKING_WATER: '渴可喝水',
  RESTROOM: '急可入厕',
  REST: '累可歇脚',
  MEAL_HEATING: '饥可热饭',
  FIRST_AID: '伤可用药',
} as const;
export type StationService = keyof typeof STATION_SERVICE_LABELS;
export const STATION_SERVICES = Object.keys(STATION_SERVICE_LABELS) as StationService[];

export const STATION_KIND_LABELS = {
  CARING: '爱心驿站',
  WARM_NEW: '暖"新"驿站',
  OUTDOOR_WORKER: '户外劳动者驿站',
} as const;
export type StationKind = keyof typeof STATION_KIND_LABELS;
export const STATION_KINDS = Object.keys(STATION_KIND_LABELS) as StationKind[];
