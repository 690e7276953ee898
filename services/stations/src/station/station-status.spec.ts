import { statusChangeProblem } from './station-status';

describe('station status transitions', () => {
  it('closes temporarily, reopens, and closes for good', () => {
    expect(statusChangeProblem('OPEN', 'TEMPORARILY_CLOSED')).toBeNull();
    expect(statusChangeProblem('TEMPORARILY_CLOSED', 'OPEN')).toBeNull();
    expect(statusChangeProblem('TEMPORARILY_CLOSED', 'CLOSED')).toBeNull();
    expect(statusChangeProblem('OPEN', 'CLOSED')).toBeNull();
  });

  it('refuses a change to the same status and anything after CLOSED', () => {
    expect(statusChangeProblem('OPEN', 'OPEN')).toMatch(/already 开放/);
    expect(statusChangeProblem('CLOSED', 'OPEN')).toMatch(/stays closed/);
    expect(statusChangeProblem('CLOSED', 'TEMPORARILY_CLOSED')).toMatch(/stays closed/);
    expect(statusChangeProblem('CLOSED', 'CLOSED')).toMatch(/already 已关闭/);
  });
});
