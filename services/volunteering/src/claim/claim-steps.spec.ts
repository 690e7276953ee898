import { CLAIM_STEPS, type ClaimState, type ClaimStep } from './claim-steps';

const claimStepProblem = CLAIM_STEPS.stepProblem;

describe('claim transitions', () => {
  it('walks the happy path 认领 → 签到 → 签退 → 审核通过 → 撤销', () => {
    let state: ClaimState = 'CLAIMED';
    for (const step of ['checkIn', 'checkOut', 'approve', 'revoke'] as ClaimStep[]) {
      expect(claimStepProblem(state, step)).toBeNull();
      state = CLAIM_STEPS.steps[step].to;
    }
    expect(state).toBe('REVOKED');
  });

  it('refuses a second check-in and a second approval with their own words', () => {
    expect(claimStepProblem('CHECKED_IN', 'checkIn')).toMatch(/second check-in is refused/);
    expect(claimStepProblem('CHECKED_OUT', 'checkIn')).toMatch(/CHECKED_OUT.*needs CLAIMED/);
    expect(claimStepProblem('APPROVED', 'approve')).toMatch(/cannot be approved twice/);
  });

  it('lets only a claim that was never checked in be withdrawn', () => {
    expect(claimStepProblem('CLAIMED', 'withdraw')).toBeNull();
    expect(claimStepProblem('CHECKED_IN', 'withdraw')).not.toBeNull();
  });

  it('never approves a rejected, withdrawn or unfinished claim, and never un-revokes', () => {
    for (const state of ['CLAIMED', 'CHECKED_IN', 'REJECTED', 'WITHDRAWN', 'REVOKED'] as const)
      expect(claimStepProblem(state, 'approve')).not.toBeNull();
    const terminal = CLAIM_STEPS.states.filter((s) =>
      (Object.keys(CLAIM_STEPS.steps) as ClaimStep[]).every(
        (step) => claimStepProblem(s, step) !== null,
      ),
    );
    expect(terminal.sort()).toEqual(['REJECTED', 'REVOKED', 'WITHDRAWN']);
  });
});
