// When a volunteer may check in and out of a claimed task, and how long the service counts.
// Pure functions over instants; the service turns problems into field errors.

/** A volunteer may check in this long before the task starts (arriving to set up). */
export const EARLY_CHECK_IN_MINUTES = 30;
/** Check-out stays open this long after the task ends; later, the organizer checks out manually. */
export const LATE_CHECK_OUT_MINUTES = 120;

const MINUTE_MS = 60_000;

export interface TaskWindow {
  startsAt: Date;
  endsAt: Date;
}

/** Why `at` is not a valid check-in time for the task, or null. */
export function checkInTimeProblem(at: Date, task: TaskWindow): string | null {
  const opens = new Date(task.startsAt.getTime() - EARLY_CHECK_IN_MINUTES * MINUTE_MS);
  if (at < opens)
    return `check-in opens at ${opens.toISOString()} (${EARLY_CHECK_IN_MINUTES} minutes before the task starts at ${task.startsAt.toISOString()})`;
  if (at >= task.endsAt) return `the task ended at ${task.endsAt.toISOString()}`;
  return null;
}

/** Why `at` is not a valid check-out time after checking in at `checkedInAt`, or null. */
export function checkOutTimeProblem(
  at: Date,
  checkedInAt: Date,
  task: TaskWindow,
  lateMinutes = LATE_CHECK_OUT_MINUTES,
): string | null {
  if (at < checkedInAt) return `is before the check-in at ${checkedInAt.toISOString()}`;
  const closes = new Date(task.endsAt.getTime() + lateMinutes * MINUTE_MS);
  if (at > closes)
    return `check-out closed at ${closes.toISOString()}, ${lateMinutes} minutes after the task ended; ask the organizer for a manual check-out`;
  return null;
}

/**
 * Minutes of service that count: check-out − check-in, limited to the task's window, so arriving
 * early or leaving late never earns more than the task's own length.
 */
export function countedMinutes(checkedInAt: Date, checkedOutAt: Date, task: TaskWindow): number {
  const from = Math.max(checkedInAt.getTime(), task.startsAt.getTime());
  const to = Math.min(checkedOutAt.getTime(), task.endsAt.getTime());
  return to > from ? Math.floor((to - from) / MINUTE_MS) : 0;
}
