import { ORGANIZATION_SECTOR_LABELS } from '@jiceng/events';

// The statistics show sector codes from the org projection to Chinese readers; a branch whose
// organization has not reached the projection yet counts as UNKNOWN.
export const SECTOR_LABELS: Record<string, string> = {
  ...ORGANIZATION_SECTOR_LABELS,
  UNKNOWN: '未知',
};
