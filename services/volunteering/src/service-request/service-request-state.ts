import { SERVICE_REQUEST_STATE_LABELS, type ServiceRequestState } from './service-request.enums';

/** Each step of the loop, the state it starts from and the state it leads to. */
export const SERVICE_REQUEST_STEPS = {
  accept: { from: 'REPORTED', to: 'ACCEPTED', label: '审查受理 (acceptance)' },
  decline: { from: 'REPORTED', to: 'DECLINED', label: '不予受理 (declining)' },
  respond: { from: 'ACCEPTED', to: 'RESPONDED', label: '处理反馈 (response)' },
  close: { from: 'RESPONDED', to: 'CLOSED', label: '核查结案 (closing)' },
  evaluate: { from: 'CLOSED', to: 'EVALUATED', label: '考核评价 (evaluation)' },
} as const satisfies Record<
  string,
  { from: ServiceRequestState; to: ServiceRequestState; label: string }
>;
export type ServiceRequestStep = keyof typeof SERVICE_REQUEST_STEPS;

export function serviceRequestStepProblem(
  state: ServiceRequestState,
  step: ServiceRequestStep,
): string | null {
  const { from, label } = SERVICE_REQUEST_STEPS[step];
  if (state === from) return null;
  return `The request is ${state} (${SERVICE_REQUEST_STATE_LABELS[state]}); ${label} needs ${from} (${SERVICE_REQUEST_STATE_LABELS[from]})`;
}

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
