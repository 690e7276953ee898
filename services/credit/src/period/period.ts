// Ledger periods in Asia/Shanghai: months `YYYY-MM` ("2023-06") and quarters `YYYY-Qn`
// ("2023-Q2"). China has kept UTC+8 without daylight saving since 1991, so a fixed offset
// converts exactly; instants are stored in UTC.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export const MONTH_PATTERN = /^(20[0-9]{2})-(0[1-9]|1[0-2])$/;
export const QUARTER_PATTERN = /^(20[0-9]{2})-Q([1-4])$/;

export type PeriodKind = 'MONTH' | 'QUARTER';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** 1-12 for a month, 1-4 for a quarter. */
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function shanghai(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** The month an instant falls in, in Shanghai: "2023-06". */
export function monthOf(instant: Date): string {
  const local = shanghai(instant);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
}

/** The quarter an instant falls in, in Shanghai: "2023-Q2". */
export function quarterOf(instant: Date): string {
  const local = shanghai(instant);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function quarterOfMonth(month: string): string {
  const p = parsePeriod(month);
  if (p?.kind !== 'MONTH') throw new Error(`Not a month: ${month}`);
  return `${p.year}-Q${Math.floor((p.index - 1) / 3) + 1}`;
}

export function parsePeriod(period: string): ParsedPeriod | null {
  const month = MONTH_PATTERN.exec(period);
  if (month) return { kind: 'MONTH', year: Number(month[1]), index: Number(month[2]) };
  const quarter = QUARTER_PATTERN.exec(period);
  if (quarter) return { kind: 'QUARTER', year: Number(quarter[1]), index: Number(quarter[2]) };
  return null;
}

/** The months a period covers: itself for a month, three for a quarter. */
export function monthsOf(period: string): string[] {
  const p = parsePeriod(period);
  if (!p) throw new Error(`Not a period: ${period}`);
  if (p.kind === 'MONTH') return [period];
  const first = (p.index - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${p.year}-${pad(first + i)}`);
}

/** The instant a period starts in Shanghai. */
export function periodStart(period: string): Date {
  const p = parsePeriod(period);
  if (!p) throw new Error(`Not a period: ${period}`);
  const month = p.kind === 'MONTH' ? p.index - 1 : (p.index - 1) * 3;
  return new Date(Date.UTC(p.year, month, 1) - SHANGHAI_OFFSET_MS);
}

/** The instant after a period ends in Shanghai (the start of the next one). */
export function periodEnd(period: string): Date {
  const p = parsePeriod(period);
  if (!p) throw new Error(`Not a period: ${period}`);
  const month = p.kind === 'MONTH' ? p.index : p.index * 3;
  return new Date(Date.UTC(p.year, month, 1) - SHANGHAI_OFFSET_MS);
}

/** "2023年6月" / "2023年第二季度", for letters. */
export function periodLabel(period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`Not a period: ${period}`);
  return p.kind === 'MONTH'
    ? `${p.year}年${p.index}月`
    : `${p.year}年第${'一二三四'[p.index - 1]}季度`;
}
