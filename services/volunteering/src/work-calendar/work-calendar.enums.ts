import type { WorkCalendarDayKind } from '@jiceng/calendar';

// Labels of the kinds a stored day has (the kinds and the official days are @jiceng/calendar's);
// the SDL's NORMAL is input only (setWorkCalendarDay removes the day's exception), so no day is
// stored with it and it has no label here.
export const WORK_CALENDAR_DAY_KIND_LABELS = {
  HOLIDAY: '法定节假日',
  WORKDAY: '调休上班',
} as const satisfies Record<WorkCalendarDayKind, string>;
