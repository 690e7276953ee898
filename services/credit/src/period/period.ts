import { optionalPeriodArg, periodArg, type PeriodKind } from '@jiceng/calendar';

// The ledger keeps monthly and quarterly totals (@jiceng/calendar's grammar): a year is not one
// of its periods.
export const LEDGER_PERIODS: readonly PeriodKind[] = ['QUARTER', 'MONTH'];

/** A ledger period argument (a month or a quarter), or BAD_USER_INPUT on `field`. */
export const ledgerPeriodArg = (period: string, field = 'period'): string =>
  periodArg(period, field, LEDGER_PERIODS).text;

export const optionalLedgerPeriodArg = (
  period: string | null | undefined,
  field = 'period',
): string | null => optionalPeriodArg(period, field, LEDGER_PERIODS)?.text ?? null;
