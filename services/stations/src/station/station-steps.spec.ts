import { STATION_STEPS } from './station-steps';

const problem = STATION_STEPS.stepProblem;

describe('station status transitions', () => {
  it('closes temporarily, reopens, and closes for good', () => {
    expect(problem('OPEN', 'TEMPORARILY_CLOSED')).toBeNull();
    expect(problem('TEMPORARILY_CLOSED', 'OPEN')).toBeNull();
    expect(problem('TEMPORARILY_CLOSED', 'CLOSED')).toBeNull();
    expect(problem('OPEN', 'CLOSED')).toBeNull();
  });

  it('refuses a change to the same status and anything after CLOSED', () => {
    expect(problem('OPEN', 'OPEN')).toBe('The station is already OPEN (开放)');
    expect(problem('CLOSED', 'OPEN')).toMatch(
      /is CLOSED \(已关闭\); 重新开放 .* needs TEMPORARILY_CLOSED/,
    );
    expect(problem('CLOSED', 'TEMPORARILY_CLOSED')).toMatch(/is CLOSED \(已关闭\)/);
    expect(problem('CLOSED', 'CLOSED')).toBe('The station is already CLOSED (已关闭)');
  });
});
