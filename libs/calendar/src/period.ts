import { addDays, DAY_MS, SHANGHAI_OFFSET_MS } from './clock';

// The one period grammar of the platform, in Asia/Shanghai: a year "2023", a quarter "2023-Q2"
// or a month "2023-06". Years run from MIN_YEAR to MAX_YEAR: the platform holds no records from
// before 2000, and four-digit 20xx is what every service accepted (a single range means a period
// one service takes is never refused by another).
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';
export const PERIOD_KINDS: readonly PeriodKind[] = ['YEAR', 'QUARTER', 'MONTH'];

const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface Period {
  /** As written: "2023", "2023-Q2", "2023-06". */
  text: string;
  kind: PeriodKind;
  year: number;
  /** 1-4 for a quarter, 1-12 for a month, 1 for a year. */
  index: number;
  /** The first instant of the period in Shanghai. */
  startsAt: Date;
  /** The first instant after it (exclusive). */
  endsAt: Date;
  /** The first Shanghai calendar day, YYYY-MM-DD (inclusive). */
  firstDay: string;
  /** The last Shanghai calendar day, YYYY-MM-DD (inclusive). */
  lastDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/** The period `text` names, or null when it is not one of `kinds` within MIN_YEAR–MAX_YEAR. */
export function parsePeriod(
  text: unknown,
  kinds: readonly PeriodKind[] = PERIOD_KINDS,
): Period | null {
  const match = typeof text === 'string' ? PERIOD_PATTERN.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const kind: PeriodKind = match[2] ? 'QUARTER' : match[3] ? 'MONTH' : 'YEAR';
  if (!kinds.includes(kind)) return null;
  const index = Number(match[2] ?? match[3] ?? 1);
  const [first, months] =
    kind === 'QUARTER' ? [(index - 1) * 3, 3] : kind === 'MONTH' ? [index - 1, 1] : [0, 12];
  const start = monthStart(year, first).getTime();
  const end = monthStart(year, first + months).getTime();
  return {
    text: text as string,
    kind,
    year,
    index,
    startsAt: new Date(start - SHANGHAI_OFFSET_MS),
    endsAt: new Date(end - SHANGHAI_OFFSET_MS),
    firstDay: new Date(start).toISOString().slice(0, 10),
    lastDay: new Date(end - DAY_MS).toISOString().slice(0, 10),
  };
}

export function isPeriod(text: unknown, kinds: readonly PeriodKind[] = PERIOD_KINDS): boolean {
  return parsePeriod(text, kinds) !== null;
}

/** Like parsePeriod for a period the code itself produced: throws when it is not one. */
export function knownPeriod(text: string, kinds: readonly PeriodKind[] = PERIOD_KINDS): Period {
  const parsed = parsePeriod(text, kinds);
  if (!parsed) throw new Error(`Not a period (${kinds.join('/')}): ${text}`);
  return parsed;
}

/** The first instant of a period in Shanghai. */
export const periodStart = (text: string): Date => knownPeriod(text).startsAt;

/** The first instant after a period in Shanghai (the start of the next one). */
export const periodEnd = (text: string): Date => knownPeriod(text).endsAt;

const FORMS: Record<PeriodKind, string> = {
  YEAR: 'a year (2023)',
  QUARTER: 'a quarter (2023-Q2)',
  MONTH: 'a month (2023-06)',
};

/** The one message for a period that does not parse, naming the forms a field takes. */
export function periodMessage(kinds: readonly PeriodKind[] = PERIOD_KINDS): string {
  const forms = PERIOD_KINDS.filter((k) => kinds.includes(k)).map((k) => FORMS[k]);
  const list =
    forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}` : forms[0];
  return `must be ${list} from ${MIN_YEAR} to ${MAX_YEAR}`;
}

/** The months a period covers: itself for a month, three for a quarter, twelve for a year. */
export function monthsOf(text: string): string[] {
  const p = knownPeriod(text);
  if (p.kind === 'MONTH') return [p.text];
  const [first, count] = p.kind === 'QUARTER' ? [(p.index - 1) * 3 + 1, 3] : [1, 12];
  return Array.from({ length: count }, (_, i) => `${p.year}-${pad(first + i)}`);
}

/** The quarter a month ("2023-06") lies in ("2023-Q2"). */
export function quarterOfMonth(month: string): string {
  const p = knownPeriod(month, ['MONTH']);
  return `${p.year}-Q${Math.floor((p.index - 1) / 3) + 1}`;
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  const q = knownPeriod(last, ['QUARTER']);
  const n = q.year * 4 + q.index - 1;
  return Array.from({ length: count }, (_, i) => {
    const k = n - count + 1 + i;
    return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
  });
}

export function quartersOfYear(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

/** "2023年" / "2023年第二季度" / "2023年6月", for letters and labels. */
export function periodLabel(text: string): string {
  const p = knownPeriod(text);
  if (p.kind === 'YEAR') return `${p.year}年`;
  return p.kind === 'MONTH'
    ? `${p.year}年${p.index}月`
    : `${p.year}年第${'一二三四'[p.index - 1]}季度`;
}

/** Whether whole Shanghai days from `from` to `to` (inclusive) are whole months. */
export function isWholeMonths({ from, to }: { from: string; to: string }): boolean {
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01');
}
