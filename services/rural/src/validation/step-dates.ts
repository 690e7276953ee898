import type { FieldError } from '@jiceng/graphql';

/** Clients' clocks run a little ahead; a step dated within this margin is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A dated step lies neither in the future nor before what it follows. */
export function stepDateProblems(
  field: string,
  at: Date,
  since: Date | null,
  now: Date,
): FieldError[] {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return [{ field, message: 'lies in the future' }];
  if (since && at < since)
    return [{ field, message: `is before the previous step (${since.toISOString()})` }];
  return [];
}
