import type { FieldError } from '@jiceng/graphql';
import { isInFuture } from '@jiceng/calendar';

/** A dated step lies neither in the future nor before what it follows. */
export function stepDateProblems(
  field: string,
  at: Date,
  since: Date | null,
  now: Date,
): FieldError[] {
  if (isInFuture(at, now)) return [{ field, message: 'lies in the future' }];
  if (since && at < since)
    return [{ field, message: `is before the previous step (${since.toISOString()})` }];
  return [];
}
