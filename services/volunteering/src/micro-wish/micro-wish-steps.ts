// A wish is claimed once and fulfilled or cancelled once: every step is one write conditioned on
// its `from` state.
import { defineSteps } from '@jiceng/workflow';

export const MICRO_WISH_STEPS = defineSteps(
  'wish',
  { COLLECTED: '已征集', CLAIMED: '已认领', FULFILLED: '已完成', CANCELLED: '已撤销' },
  {
    claim: { from: 'COLLECTED', to: 'CLAIMED', label: 'claiming' },
    fulfill: { from: 'CLAIMED', to: 'FULFILLED', label: 'fulfilment' },
    cancel: { from: ['COLLECTED', 'CLAIMED'], to: 'CANCELLED', label: 'cancellation' },
  },
);
export type MicroWishState = (typeof MICRO_WISH_STEPS.states)[number];
export type MicroWishStep = keyof typeof MICRO_WISH_STEPS.steps;
