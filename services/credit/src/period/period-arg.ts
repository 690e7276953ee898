import { badUserInput } from '@jiceng/graphql';
import { parsePeriod, type PeriodKind } from './period';

const DESCRIPTIONS: Record<PeriodKind, string> = {
  MONTH: 'a month such as 2023-06',
  QUARTER: 'a quarter such as 2023-Q2',
};

/** A period argument checked against the kinds a field takes (BAD_USER_INPUT otherwise). */
export function periodArg(
  period: string,
  field = 'period',
  kinds: readonly PeriodKind[] = ['MONTH', 'QUARTER'],
): string {
  const parsed = parsePeriod(period);
  if (!parsed || !kinds.includes(parsed.kind)) {
    throw badUserInput([
      { field, message: `must be ${kinds.map((k) => DESCRIPTIONS[k]).join(' or ')}` },
    ]);
  }
  return period;
}

export function optionalPeriodArg(
  period: string | null | undefined,
  field = 'period',
): string | null {
  return period === null || period === undefined ? null : periodArg(period, field);
}
