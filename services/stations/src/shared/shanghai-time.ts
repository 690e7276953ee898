// Opening hours, days and months are Asia/Shanghai; instants are stored in UTC. China has kept
// UTC+8 without daylight saving since 1991, so a fixed offset converts exactly.
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall clock of an instant: weekday (0 = Monday … 6 = Sunday) and minute of day. */
export function shanghaiClock(instant: Date): { weekday: number; minute: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    weekday: (local.getUTCDay() + 6) % 7,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
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

/** The instant a Shanghai wall-clock time on a date happens. */
export function shanghaiInstant(date: string, hour = 0, minute = 0): Date {
  return new Date(
    Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + (hour * 60 + minute) * 60_000,
  );
}
