import {
  actorFor,
  allocationProblem,
  FUND_PIPELINE,
  fundStepProblem,
  recoveryFor,
} from './fund-steps';

describe('fund application stages', () => {
  it('walks 自主申报 → 初审推荐 → 复核提名 → 专家实地考察 → 现场陈述展演 → 分配 one stage at a time', () => {
    for (let i = 1; i < FUND_PIPELINE.length; i++)
      expect(fundStepProblem(FUND_PIPELINE[i - 1], FUND_PIPELINE[i])).toBeNull();
    expect(fundStepProblem('SELF_APPLIED', 'REVIEWED')).toBe(
      'The application is SELF_APPLIED (自主申报); 复核提名 (review) needs RECOMMENDED (初审推荐)',
    );
    expect(fundStepProblem('PRESENTED', 'SITE_VISITED')).toMatch(/is PRESENTED .* needs REVIEWED/);
    expect(fundStepProblem('RECOMMENDED', 'SELF_APPLIED')).toMatch(/applyForFund/);
  });

  it('lets an application leave as not selected until it is allocated', () => {
    expect(fundStepProblem('SELF_APPLIED', 'NOT_SELECTED')).toBeNull();
    expect(fundStepProblem('PRESENTED', 'NOT_SELECTED')).toBeNull();
    expect(fundStepProblem('ALLOCATED', 'NOT_SELECTED')).toMatch(/is ALLOCATED \(已分配\); 未入选/);
    expect(fundStepProblem('NOT_SELECTED', 'RECOMMENDED')).toMatch(/is NOT_SELECTED \(未入选\)/);
  });

  it('gives the recommendation to the level above the applicant, the rest to the organizer', () => {
    expect(actorFor('SELF_APPLIED')).toEqual({ of: 'APPLICANT', authority: 'OWN_OR_ABOVE' });
    expect(actorFor('RECOMMENDED')).toEqual({ of: 'APPLICANT', authority: 'ABOVE' });
    expect(actorFor('SITE_VISITED')).toEqual({ of: 'ORGANIZER', authority: 'OWN_OR_ABOVE' });
    expect(actorFor('ALLOCATED').of).toBe('ORGANIZER');
  });

  it('allocates only after the presentation, and no more than requested', () => {
    const presented = { stage: 'PRESENTED' as const, requestedFen: 200_000_00 };
    expect(allocationProblem(presented, 150_000_00)).toBeNull();
    expect(allocationProblem(presented, 200_000_01)).toEqual({
      conflict: false,
      message: 'is more than the 20000000 fen the application requested',
    });
    expect(allocationProblem(presented, 0)?.conflict).toBe(false);
    expect(allocationProblem({ ...presented, stage: 'REVIEWED' }, 1)?.conflict).toBe(true);
  });
});

describe('allocation recovery', () => {
  it('finishes an allocation the application awaits and withdraws one it no longer does', () => {
    expect(recoveryFor('PRESENTED')).toBe('complete');
    expect(recoveryFor('NOT_SELECTED')).toBe('withdraw');
    expect(recoveryFor('ALLOCATED')).toBe('none');
  });
});
