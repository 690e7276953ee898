import { projectStatusProblem } from './construction-project-steps';

describe('construction project status', () => {
  it('moves forward one step at a time', () => {
    expect(projectStatusProblem('PLANNED', 'UNDER_CONSTRUCTION')).toBeNull();
    expect(projectStatusProblem('UNDER_CONSTRUCTION', 'COMPLETED')).toBeNull();
  });

  it('never skips construction, goes back or leaves completion', () => {
    expect(projectStatusProblem('PLANNED', 'COMPLETED')).toBe(
      'The project is PLANNED (规划中); 竣工 (completion) needs UNDER_CONSTRUCTION (在建)',
    );
    expect(projectStatusProblem('UNDER_CONSTRUCTION', 'PLANNED')).toBe(
      'The project cannot go back to PLANNED (规划中)',
    );
    expect(projectStatusProblem('COMPLETED', 'UNDER_CONSTRUCTION')).not.toBeNull();
    expect(projectStatusProblem('COMPLETED', 'COMPLETED')).toBe(
      'The project is already COMPLETED (已竣工)',
    );
  });
});
