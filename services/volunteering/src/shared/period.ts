import { badUserInput } from '@jiceng/graphql';
import { SHANGHAI_OFFSET_MS } from './shanghai-time';

// Statistics periods in Asia/Shanghai: a year ("2023"), a quarter ("2023-Q2") or a month ("2023-06").
const PERIOD_PATTERN = /^(20\d{2})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface PeriodRange {
  period: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const shanghaiMonthStart = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS);

export function parsePeriod(period: string): PeriodRange | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const [first, months] = match[2]
    ? [(Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? [Number(match[3]) - 1, 1]
      : [0, 12];
  return {
    period,
    from: shanghaiMonthStart(year, first),
    to: shanghaiMonthStart(year, first + months),
  };
}

/** The period's range, or BAD_USER_INPUT on `field`. */
export function periodRange(period: string, field = 'period'): PeriodRange {
  const range = parsePeriod(period);
  if (!range)
    throw badUserInput([
      { field, message: 'must be a year (2023), a quarter (2023-Q2) or a month (2023-06)' },
    ]);
  return range;
}
