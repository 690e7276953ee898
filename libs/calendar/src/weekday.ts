/**
 * The weekdays in ISO 8601 order (index + 1 is the ISO weekday: 1 = Monday … 7 = Sunday), with
 * their Chinese labels. The GraphQL `Weekday` enum in libs/graphql/src/common.graphql has the
 * same values; every service uses this list for it.
 */
export const WEEKDAY_LABELS = {
  MONDAY: '周一',
  TUESDAY: '周二',
  WEDNESDAY: '周三',
  THURSDAY: '周四',
  FRIDAY: '周五',
  SATURDAY: '周六',
  SUNDAY: '周日',
} as const;
export type Weekday = keyof typeof WEEKDAY_LABELS;
export const WEEKDAYS = Object.keys(WEEKDAY_LABELS) as Weekday[];

export const isoWeekdayOf = (weekday: Weekday): number => WEEKDAYS.indexOf(weekday) + 1;
