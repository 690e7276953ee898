// Rating periods are quarters in Asia/Shanghai, written `YYYY-Qn` ("2023-Q2"). China has kept
// UTC+8 without daylight saving since 1991, so a fixed offset converts exactly.
export const PERIOD_PATTERN = /^(20[0-9]{2})-Q([1-4])$/;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export interface Quarter {
  year: number;
  quarter: number;
}

export function parsePeriod(period: string): Quarter | null {
  const match = PERIOD_PATTERN.exec(period);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

function formatPeriod({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** The instant the quarter starts in Shanghai. */
export function periodStart(period: string): Date {
  const q = parsePeriod(period);
  if (!q) throw new Error(`Not a period: ${period}`);
  return new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 1) - SHANGHAI_OFFSET_MS);
}

/** The quarter that `now` falls in, in Shanghai. */
export function periodOf(now: Date): string {
  const shanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return formatPeriod({
    year: shanghai.getUTCFullYear(),
    quarter: Math.floor(shanghai.getUTCMonth() / 3) + 1,
  });
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function periodsEndingWith(last: string, count: number): string[] {
  const q = parsePeriod(last);
  if (!q) throw new Error(`Not a period: ${last}`);
  const index = q.year * 4 + q.quarter - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = index - count + 1 + i;
    return formatPeriod({ year: Math.floor(n / 4), quarter: (n % 4) + 1 });
  });
}

export function periodsOfYear(year: number): string[] {
  return [1, 2, 3, 4].map((quarter) => formatPeriod({ year, quarter }));
}
