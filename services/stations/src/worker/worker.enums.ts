// "快递员、外卖送餐员、网约车司机、货车司机等不同群体" (桃城区).
export const WORKER_KIND_LABELS = {
  DELIVERY_RIDER: '外卖员',
  COURIER: '快递员',
  RIDE_HAILING_DRIVER: '网约车司机',
  TRUCK_DRIVER: '货车司机',
} as const;
export type WorkerKind = keyof typeof WORKER_KIND_LABELS;
export const WORKER_KINDS = Object.keys(WORKER_KIND_LABELS) as WorkerKind[];

export const WORKER_PLATFORM_LABELS = {
  MEITUAN: '美团',
  ELEME: '饿了么',
  SF_EXPRESS: '顺丰速运',
  JD_LOGISTICS: '京东物流',
  ZTO: '中通快递',
  YTO: '圆通速递',
  STO: '申通快递',
  YUNDA: '韵达快递',
  CHINA_POST: '中国邮政',
  DIDI: '滴滴出行',
  CAOCAO: '曹操出行',
  HUOLALA: '货拉拉',
  FULL_TRUCK_ALLIANCE: '满帮',
  OTHER: '其他',
} as const;
export type WorkerPlatform = keyof typeof WORKER_PLATFORM_LABELS;
export const WORKER_PLATFORMS = Object.keys(WORKER_PLATFORM_LABELS) as WorkerPlatform[];
