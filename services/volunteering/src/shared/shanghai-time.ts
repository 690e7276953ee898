// Dates and periods are Asia/Shanghai; instants are stored in UTC. China has kept UTC+8 without
// daylight saving since 1991, so a fixed offset converts exactly.
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The instant a Shanghai calendar date begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The instant a Shanghai calendar date ends (the next day's start). */
export function shanghaiDayEnd(date: string): Date {
  return new Date(shanghaiDayStart(date).getTime() + DAY_MS);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
