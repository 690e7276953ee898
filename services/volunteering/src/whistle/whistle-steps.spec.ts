import { isReportOverdue, WHISTLE_REPORT_STEPS, WHISTLE_STEPS } from './whistle-steps';

describe('吹哨报到 steps', () => {
  it('lets the township resolve or whistle a raised problem, once', () => {
    expect(WHISTLE_STEPS.stepProblem('RAISED', 'whistle')).toBeNull();
    expect(WHISTLE_STEPS.stepProblem('RAISED', 'resolve')).toBeNull();
    expect(WHISTLE_STEPS.stepProblem('WHISTLED', 'whistle')).toBe(
      'The whistle is already WHISTLED (已吹哨)',
    );
    expect(WHISTLE_STEPS.stepProblem('RESOLVED', 'whistle')).toBe(
      'The whistle is RESOLVED (镇级解决); 吹哨 (whistling departments) needs RAISED (哨声形成)',
    );
  });

  it('evaluates only what the township resolved or every department answered', () => {
    expect(WHISTLE_STEPS.stepProblem('RESOLVED', 'evaluate')).toBeNull();
    expect(WHISTLE_STEPS.stepProblem('REPORTED', 'evaluate')).toBeNull();
    expect(WHISTLE_STEPS.stepProblem('WHISTLED', 'evaluate')).toMatch(
      /needs RESOLVED \(镇级解决\) or REPORTED \(部门报到\)/,
    );
  });

  it('takes a report through acceptance, action and answer in order', () => {
    expect(WHISTLE_REPORT_STEPS.stepProblem('ADDRESSED', 'accept')).toBeNull();
    expect(WHISTLE_REPORT_STEPS.stepProblem('ADDRESSED', 'answer')).toMatch(
      /needs ACTING \(办理中\)/,
    );
    expect(WHISTLE_REPORT_STEPS.stepProblem('ANSWERED', 'answer')).toBe(
      'The report is already ANSWERED (已答复)',
    );
  });

  it('flags a report open past its due instant, or answered after it', () => {
    const dueAt = new Date('2023-06-09T15:59:59.999Z');
    const before = new Date('2023-06-09T10:00:00Z');
    const after = new Date('2023-06-10T01:00:00Z');
    expect(isReportOverdue({ dueAt }, before)).toBe(false);
    expect(isReportOverdue({ dueAt }, after)).toBe(true);
    expect(isReportOverdue({ dueAt, answeredAt: before }, after)).toBe(false);
    expect(isReportOverdue({ dueAt, answeredAt: after }, after)).toBe(true);
  });
});
