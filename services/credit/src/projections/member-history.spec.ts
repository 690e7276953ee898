import { currentState, stateAt, type MemberStateRecord } from './member-history';

const state = (version: number, at: string, organizationId: string): MemberStateRecord => ({
  version,
  effectiveAt: new Date(at),
  organizationId,
  unitOrganizationId: null,
  projectBranchId: null,
  communityId: null,
  status: 'FULL',
});

describe('member history', () => {
  const states = [
    state(3, '2023-07-01T00:00:00Z', 'branch-c'),
    state(1, '2023-01-01T00:00:00Z', 'branch-a'),
    state(2, '2023-05-01T00:00:00Z', 'branch-b'),
  ];

  it('attributes a claim with the state in force when it was reviewed', () => {
    expect(stateAt(states, new Date('2023-04-30T23:59:59Z'))?.organizationId).toBe('branch-a');
    expect(stateAt(states, new Date('2023-05-01T00:00:00Z'))?.organizationId).toBe('branch-b');
    expect(stateAt(states, new Date('2024-01-01T00:00:00Z'))?.organizationId).toBe('branch-c');
  });

  it('takes the first known state for a claim reviewed before it, and the higher version on a tie', () => {
    expect(stateAt(states, new Date('2022-01-01T00:00:00Z'))?.organizationId).toBe('branch-a');
    const tie = [...states, state(4, '2023-07-01T00:00:00Z', 'branch-d')];
    expect(stateAt(tie, new Date('2023-08-01T00:00:00Z'))?.organizationId).toBe('branch-d');
    expect(stateAt([], new Date())).toBeNull();
  });

  it('takes a backdated newer version over an older one that took effect later', () => {
    // registered (v1), details updated now (v2), then assigned floating from March (v3).
    const backdated = [
      state(1, '2024-01-01T00:00:00Z', 'home'),
      state(2, '2024-06-01T00:00:00Z', 'home'),
      { ...state(3, '2024-03-01T00:00:00Z', 'home'), projectBranchId: 'project-branch' },
    ];
    expect(stateAt(backdated, new Date('2024-06-02T00:00:00Z'))?.version).toBe(3);
    expect(stateAt(backdated, new Date('2024-03-02T00:00:00Z'))?.projectBranchId).toBe(
      'project-branch',
    );
    expect(stateAt(backdated, new Date('2024-02-01T00:00:00Z'))?.version).toBe(1);
  });

  it('knows the current state by version', () => {
    expect(currentState(states)?.version).toBe(3);
    expect(currentState([])).toBeNull();
  });
});
