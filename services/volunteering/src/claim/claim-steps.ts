// A claim's way from 认领 through 签到/签退 to 审核: which step may follow which state. Every write
// is conditioned on the `from` state, so of two concurrent steps exactly one takes effect.
import { defineSteps } from '@jiceng/workflow';

export const CLAIM_STEPS = defineSteps(
  'claim',
  {
    CLAIMED: '已认领',
    WITHDRAWN: '已退出',
    CHECKED_IN: '已签到',
    CHECKED_OUT: '已签退（待审核）',
    APPROVED: '审核通过',
    REJECTED: '审核未通过',
    REVOKED: '审核通过已撤销',
  },
  {
    withdraw: {
      from: 'CLAIMED',
      to: 'WITHDRAWN',
      label: 'withdrawal',
      done: 'The claim was already withdrawn',
    },
    checkIn: {
      from: 'CLAIMED',
      to: 'CHECKED_IN',
      label: 'check-in',
      done: 'The claim is already checked in; a second check-in is refused',
    },
    checkOut: {
      from: 'CHECKED_IN',
      to: 'CHECKED_OUT',
      label: 'check-out',
      done: 'The claim is already checked out',
    },
    approve: {
      from: 'CHECKED_OUT',
      to: 'APPROVED',
      label: 'approval',
      done: 'The claim is already approved; it cannot be approved twice',
    },
    // A volunteer who checked in and never checked out can be rejected without an approval.
    reject: {
      from: ['CHECKED_IN', 'CHECKED_OUT'],
      to: 'REJECTED',
      label: 'rejection',
      done: 'The claim is already rejected',
    },
    revoke: {
      from: 'APPROVED',
      to: 'REVOKED',
      label: 'revocation of the approval',
      done: 'The approval is already revoked',
    },
  },
);
export type ClaimState = (typeof CLAIM_STEPS.states)[number];
export type ClaimStep = keyof typeof CLAIM_STEPS.steps;
