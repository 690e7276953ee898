// Days, months, quarters and years on this platform are Asia/Shanghai; instants are stored in
// UTC. China has kept UTC+8 without daylight saving since 1991, so a fixed offset converts exactly
// (no tz database needed).
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

/**
 * How far a client's clock may run ahead of the server's: an instant a caller gives (a step dated
 * back, a visit recorded on a device) within this margin of now is not "in the future".
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether an instant a caller gave lies in the future, beyond the clocks' tolerated skew. */
export const isInFuture = (at: Date, now = new Date()): boolean =>
  at.getTime() > now.getTime() + CLOCK_SKEW_MS;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant shifted so that its UTC fields read the Shanghai wall clock. */
const wallClock = (instant: Date) => new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** The Shanghai year of an instant. */
export function shanghaiYear(instant: Date): number {
  return wallClock(instant).getUTCFullYear();
}

/** The Shanghai month of an instant: "2023-06". */
export function shanghaiMonth(instant: Date): string {
  const local = wallClock(instant);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
}

/** The Shanghai quarter of an instant: "2023-Q2". */
export function shanghaiQuarter(instant: Date): string {
  const local = wallClock(instant);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/**
 * Today's Shanghai date as a Date at UTC midnight, for date-only fields (birth dates) that are
 * stored as UTC midnight of their calendar date.
 */
export function shanghaiToday(now = new Date()): Date {
  return new Date(`${shanghaiDate(now)}T00:00:00.000Z`);
}

/** The instant a Shanghai wall-clock time on a date happens. */
export function shanghaiInstant(date: string, hour = 0, minute = 0): Date {
  return new Date(
    Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000,
  );
}

/** The instant a Shanghai calendar date begins. */
export function shanghaiDayStart(date: string): Date {
  return shanghaiInstant(date);
}

/** The instant a Shanghai calendar date ends (the next day's start). */
export function shanghaiDayEnd(date: string): Date {
  return new Date(shanghaiInstant(date).getTime() + DAY_MS);
}

/** The Shanghai wall clock of an instant: ISO weekday (1 = Monday … 7 = Sunday), minute of day. */
export function shanghaiClock(instant: Date): { weekday: number; minute: number } {
  const local = wallClock(instant);
  return {
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: unknown): date is string {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
