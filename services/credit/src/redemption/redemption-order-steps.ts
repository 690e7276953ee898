import { defineSteps } from '@jiceng/workflow';

// An order is placed PENDING and ends CONFIRMED or REJECTED; a confirmed order is cancelled by
// way of CANCELLING, which holds it while the points and the stock go back.
export const REDEMPTION_ORDER_STEPS = defineSteps(
  'order',
  {
    PENDING: '处理中',
    CONFIRMED: '已兑换',
    REJECTED: '未成功',
    CANCELLING: '取消中',
    CANCELLED: '已取消',
  },
  {
    confirm: { from: 'PENDING', to: 'CONFIRMED', label: '兑换 (confirmation)' },
    reject: { from: 'PENDING', to: 'REJECTED', label: '退回 (rejection)' },
    cancel: { from: 'CONFIRMED', to: 'CANCELLING', label: '取消 (cancellation)' },
    refund: { from: 'CANCELLING', to: 'CANCELLED', label: '退还 (refund)' },
  },
);
export type OrderState = (typeof REDEMPTION_ORDER_STEPS.states)[number];
export type OrderStep = keyof typeof REDEMPTION_ORDER_STEPS.steps;
