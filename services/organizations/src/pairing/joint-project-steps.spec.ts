import { jointProjectStatusProblem } from './joint-project-steps';

describe('joint project status', () => {
  it('follows planned → in progress → completed, cancellable until done', () => {
    expect(jointProjectStatusProblem('PLANNED', 'IN_PROGRESS')).toBeNull();
    expect(jointProjectStatusProblem('IN_PROGRESS', 'COMPLETED')).toBeNull();
    expect(jointProjectStatusProblem('PLANNED', 'CANCELLED')).toBeNull();
    expect(jointProjectStatusProblem('IN_PROGRESS', 'CANCELLED')).toBeNull();
  });

  it('refuses skipping, going back and leaving a final state', () => {
    expect(jointProjectStatusProblem('PLANNED', 'COMPLETED')).toBe(
      'The joint project is PLANNED (计划中); 完成 (completion) needs IN_PROGRESS (实施中)',
    );
    expect(jointProjectStatusProblem('IN_PROGRESS', 'PLANNED')).toBe(
      'A joint project cannot go back to PLANNED (计划中)',
    );
    expect(jointProjectStatusProblem('COMPLETED', 'CANCELLED')).not.toBeNull();
    expect(jointProjectStatusProblem('CANCELLED', 'IN_PROGRESS')).not.toBeNull();
    expect(jointProjectStatusProblem('PLANNED', 'PLANNED')).not.toBeNull();
  });
});
