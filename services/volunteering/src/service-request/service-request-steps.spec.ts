import {
  SERVICE_REQUEST_STEPS,
  isOverdue,
  type ServiceRequestState,
  type ServiceRequestStep,
} from './service-request-steps';

const serviceRequestStepProblem = SERVICE_REQUEST_STEPS.stepProblem;

describe('service request loop', () => {
  it('walks 采集上报 → 审查受理 → 处理反馈 → 核查结案 → 考核评价 in order only', () => {
    let state: ServiceRequestState = 'REPORTED';
    for (const step of ['accept', 'respond', 'close', 'evaluate'] as ServiceRequestStep[]) {
      expect(serviceRequestStepProblem(state, step)).toBeNull();
      state = SERVICE_REQUEST_STEPS.steps[step].to;
    }
    expect(state).toBe('EVALUATED');
    expect(serviceRequestStepProblem('REPORTED', 'close')).toMatch(
      /REPORTED \(采集上报\); 核查结案 \(closing\) needs RESPONDED \(处理反馈\)/,
    );
    expect(serviceRequestStepProblem('ACCEPTED', 'accept')).not.toBeNull();
    expect(serviceRequestStepProblem('DECLINED', 'respond')).not.toBeNull();
  });

  it('is overdue when open past the due instant or closed after it', () => {
    const dueAt = new Date('2023-10-10T16:00:00Z');
    const before = new Date('2023-10-10T15:00:00Z');
    const after = new Date('2023-10-11T01:00:00Z');
    expect(isOverdue({ dueAt }, before)).toBe(false);
    expect(isOverdue({ dueAt }, after)).toBe(true);
    expect(isOverdue({ dueAt, closedAt: before }, after)).toBe(false);
    expect(isOverdue({ dueAt, closedAt: after }, before)).toBe(true);
    expect(isOverdue({ dueAt: null }, after)).toBe(false);
  });
});
