export const VISIT_CHANNEL_LABELS = {
  STATION_TERMINAL: '驿站终端登记',
  WORKER_PHONE: '手机扫码签到',
} as const;
export type VisitChannel = keyof typeof VISIT_CHANNEL_LABELS;
export const VISIT_CHANNELS = Object.keys(VISIT_CHANNEL_LABELS) as VisitChannel[];

/** How visit counts are grouped; SERVICE counts uses of each service (a visit may use several). */
export const VISIT_DIMENSIONS = ['DAY', 'MONTH', 'STATION', 'SERVICE', 'WORKER_KIND'] as const;
export type VisitDimension = (typeof VISIT_DIMENSIONS)[number];
