export const FIRM_STATUS_LABELS = { ACTIVE: '存续', DEREGISTERED: '注销' } as const;
export type FirmStatus = keyof typeof FIRM_STATUS_LABELS;
export const FIRM_STATUSES = Object.keys(FIRM_STATUS_LABELS) as FirmStatus[];
