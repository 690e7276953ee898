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
 * The state in force at `instant`: the newest version among the states effective by then. Each
 * state is a full snapshot, and a later version may be backdated (a floating assignment from last
 * month), so the version decides, not the effective date. A claim reviewed before the member's
 * first known state takes the earliest one.
 */
export function stateAt(
  states: readonly MemberStateRecord[],
  instant: Date,
): MemberStateRecord | null {
  const effective = states.filter((s) => s.effectiveAt.getTime() <= instant.getTime());
  if (effective.length) return currentState(effective);
  return states.reduce<MemberStateRecord | null>(
    (earliest, s) =>
      !earliest || s.effectiveAt.getTime() < earliest.effectiveAt.getTime() ? s : earliest,
    null,
  );
}

/** The newest state by version: what the member is now. */
export function currentState(states: readonly MemberStateRecord[]): MemberStateRecord | null {
  return states.reduce<MemberStateRecord | null>(
    (newest, s) => (!newest || s.version > newest.version ? s : newest),
    null,
  );
}
