import {
  acceptanceScore,
  SECRETARY_PROJECT_STEPS,
  stepInputProblems,
  transitionProblem,
  type SecretaryProjectState,
} from './secretary-project-steps';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('secretary project lifecycle', () => {
  it('walks 立项申请 → 立项 → 推进 → 中期评估 → 验收', () => {
    const path: SecretaryProjectState[] = [
      'PROPOSED',
      'APPROVED',
      'IN_PROGRESS',
      'MIDTERM_REVIEWED',
      'ACCEPTED',
    ];
    for (let i = 1; i < path.length; i++)
      expect(transitionProblem(path[i - 1], path[i])).toBeNull();
    expect(transitionProblem('PROPOSED', 'REJECTED')).toBeNull();
    expect(transitionProblem('MIDTERM_REVIEWED', 'FAILED')).toBeNull();
  });

  it('allows exactly the listed steps and names the current state otherwise', () => {
    let allowed = 0;
    for (const from of SECRETARY_PROJECT_STEPS.states)
      for (const to of SECRETARY_PROJECT_STEPS.states)
        if (transitionProblem(from, to) === null) {
          allowed++;
          expect(
            SECRETARY_PROJECT_STEPS.steps[to as keyof typeof SECRETARY_PROJECT_STEPS.steps].from,
          ).toEqual([from]);
        }
    expect(allowed).toBe(6);
    expect(transitionProblem('PROPOSED', 'ACCEPTED')).toBe(
      'The secretary project is PROPOSED (立项申请); 结题验收 (acceptance) needs MIDTERM_REVIEWED (已中期评估)',
    );
    expect(transitionProblem('APPROVED', 'APPROVED')).toMatch(/already APPROVED/);
    expect(transitionProblem('ACCEPTED', 'IN_PROGRESS')).toMatch(/is ACCEPTED/);
    expect(transitionProblem('APPROVED', 'PROPOSED')).toMatch(/proposeSecretaryProject/);
  });

  it('asks for the scores each step takes, and refuses the others', () => {
    expect(fields(stepInputProblems('MIDTERM_REVIEWED', {}))).toEqual(['input.midtermScore']);
    expect(stepInputProblems('MIDTERM_REVIEWED', { midtermScore: 88 })).toEqual([]);
    expect(fields(stepInputProblems('ACCEPTED', { selfCheckScore: 90 }))).toEqual([
      'input.residentScore',
      'input.upperReviewScore',
    ]);
    expect(
      fields(
        stepInputProblems('FAILED', {
          selfCheckScore: 50,
          upperReviewScore: 40,
          residentScore: 45,
        }),
      ),
    ).toEqual(['input.note']);
    expect(fields(stepInputProblems('APPROVED', { midtermScore: 80 }))).toEqual([
      'input.midtermScore',
    ]);
    expect(fields(stepInputProblems('REJECTED', { note: ' ' }))).toEqual(['input.note']);
  });

  it('averages 自查, 上考 and 下评', () => {
    expect(acceptanceScore({ selfCheckScore: 90, upperReviewScore: 85, residentScore: 96 })).toBe(
      90.3,
    );
    expect(acceptanceScore({ selfCheckScore: 90 })).toBeNull();
  });
});
