// A claim's way from 认领 through 签到/签退 to 审核: which step may follow which state. Every write
// is conditioned on the `from` state, so of two concurrent steps exactly one takes effect.
import { CLAIM_STATE_LABELS, type ClaimState } from './claim.enums';

export const CLAIM_STEPS = {
  withdraw: { from: ['CLAIMED'], to: 'WITHDRAWN', label: 'withdrawal' },
  checkIn: { from: ['CLAIMED'], to: 'CHECKED_IN', label: 'check-in' },
  checkOut: { from: ['CHECKED_IN'], to: 'CHECKED_OUT', label: 'check-out' },
  approve: { from: ['CHECKED_OUT'], to: 'APPROVED', label: 'approval' },
  // A volunteer who checked in and never checked out can be rejected without an approval.
  reject: { from: ['CHECKED_IN', 'CHECKED_OUT'], to: 'REJECTED', label: 'rejection' },
  revoke: { from: ['APPROVED'], to: 'REVOKED', label: 'revocation of the approval' },
} as const satisfies Record<string, { from: ClaimState[]; to: ClaimState; label: string }>;
export type ClaimStep = keyof typeof CLAIM_STEPS;

export const fromStates = (step: ClaimStep): ClaimState[] => [...CLAIM_STEPS[step].from];

/** Why `step` cannot be taken in `state`, worded for the client, or null when it can. */
export function claimStepProblem(state: ClaimState, step: ClaimStep): string | null {
  const { from, label } = CLAIM_STEPS[step];
  if ((from as readonly ClaimState[]).includes(state)) return null;
  if (state === CLAIM_STEPS[step].to) {
    const done: Record<ClaimStep, string> = {
      withdraw: 'The claim was already withdrawn',
      checkIn: 'The claim is already checked in; a second check-in is refused',
      checkOut: 'The claim is already checked out',
      approve: 'The claim is already approved; it cannot be approved twice',
      reject: 'The claim is already rejected',
      revoke: 'The approval is already revoked',
    };
    return done[step];
  }
  return `The claim is ${state} (${CLAIM_STATE_LABELS[state]}); ${label} needs ${from.join(' or ')}`;
}
