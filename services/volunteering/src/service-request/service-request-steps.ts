// 群众诉求: the five-step closed loop 采集上报 → 审查受理 → 处理反馈 → 核查结案 → 考核评价.
import { defineSteps } from '@jiceng/workflow';

/** Each step of the loop, the state it starts from and the state it leads to. */
export const SERVICE_REQUEST_STEPS = defineSteps(
  'request',
  {
    REPORTED: '采集上报',
    ACCEPTED: '审查受理',
    RESPONDED: '处理反馈',
    CLOSED: '核查结案',
    EVALUATED: '考核评价',
    DECLINED: '不予受理',
  },
  {
    accept: { from: 'REPORTED', to: 'ACCEPTED', label: '审查受理 (acceptance)' },
    decline: { from: 'REPORTED', to: 'DECLINED', label: '不予受理 (declining)' },
    respond: { from: 'ACCEPTED', to: 'RESPONDED', label: '处理反馈 (response)' },
    close: { from: 'RESPONDED', to: 'CLOSED', label: '核查结案 (closing)' },
    evaluate: { from: 'CLOSED', to: 'EVALUATED', label: '考核评价 (evaluation)' },
  },
);
export type ServiceRequestState = (typeof SERVICE_REQUEST_STEPS.states)[number];
export type ServiceRequestStep = keyof typeof SERVICE_REQUEST_STEPS.steps;

/**
 * Overdue: not closed by the end of its due date, whether still open (`now` past the due instant)
 * or closed late. Requests that were never accepted have no due date.
 */
export function isOverdue(
  request: { dueAt?: Date | null; closedAt?: Date | null },
  now: Date,
): boolean {
  if (!request.dueAt) return false;
  return (request.closedAt ?? now).getTime() > request.dueAt.getTime();
}
