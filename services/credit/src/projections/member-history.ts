// A member's states as the members topic announced them, each with the instant it took effect.
// A claim is attributed with the state in force when it was reviewed, not the newest one: a
// member transferred after serving still earns for the branch it served with, and a replay that
// reads the whole members topic before the check-ins attributes every claim the same way.

export interface MemberStateRecord {
  version: number;
  effectiveAt: Date;
  organizationId: string;
  unitOrganizationId: string | null;
  projectBranchId: string | null;
  communityId: string | null;
  status: string;
}

/**
 * The state in force at `instant`: the latest effectiveAt not after it (the higher version on a
 * tie); a claim reviewed before the member's first known state takes that first state.
 */
export function stateAt(
  states: readonly MemberStateRecord[],
  instant: Date,
): MemberStateRecord | null {
  if (!states.length) return null;
  const ordered = [...states].sort(
    (a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.version - b.version,
  );
  let found = ordered[0];
  for (const state of ordered) {
    if (state.effectiveAt.getTime() <= instant.getTime()) found = state;
  }
  return found;
}

/** The newest state by version: what the member is now. */
export function currentState(states: readonly MemberStateRecord[]): MemberStateRecord | null {
  return states.reduce<MemberStateRecord | null>(
    (newest, s) => (!newest || s.version > newest.version ? s : newest),
    null,
  );
}
