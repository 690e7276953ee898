import { defineSteps } from '@jiceng/workflow';
import { TRANSFER_STATE_LABELS } from '../member/member.enums';

// 组织关系转接: requestTransfer opens a PENDING transfer on the member; the receiving side decides it.
export const TRANSFER_STEPS = defineSteps('transfer', TRANSFER_STATE_LABELS, {
  accept: { from: 'PENDING', to: 'ACCEPTED', label: '接收 (acceptance)' },
  reject: { from: 'PENDING', to: 'REJECTED', label: '退回 (sending back)' },
});
export type TransferStep = keyof typeof TRANSFER_STEPS.steps;
