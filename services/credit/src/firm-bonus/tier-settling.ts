/**
 * When a firm's quarter tier is announced. Points arrive in bursts (a service day's approvals, a
 * replayed topic, a demo load), and a firm climbing C → B → A within minutes is one change for the
 * provincial credit system, not three. So a tier change is pending first and announced once the
 * firm's points have been still for the quiet period, or at the latest after the longest wait
 * from the first unannounced change, so that a firm earning around the clock is still announced.
 * Falling back to the announced tier before then cancels the pending announcement.
 */
export interface TierSettling {
  quietMs: number;
  longestWaitMs: number;
}

/** What the tier record holds about its announcements. */
export interface AnnouncedState {
  /** The tier last announced; null while none was. */
  announcedTier: string | null;
  /** When the first unannounced change happened; null when nothing is pending. */
  pendingSince: Date | null;
}

export interface PendingAnnouncement {
  pendingSince: Date;
  settleAt: Date;
}

/**
 * After the firm's points or tier changed at `now`: the announcement to schedule, or null when
 * the tier is the announced one (never-announced counts as NONE).
 */
export function scheduleAnnouncement(
  state: AnnouncedState,
  tier: string,
  now: Date,
  settling: TierSettling,
): PendingAnnouncement | null {
  if (tier === (state.announcedTier ?? 'NONE')) return null;
  const pendingSince = state.pendingSince ?? now;
  const settleAt = new Date(
    Math.min(now.getTime() + settling.quietMs, pendingSince.getTime() + settling.longestWaitMs),
  );
  return { pendingSince, settleAt };
}
