import { MICRO_WISH_STEPS } from './micro-wish-steps';

const microWishStepProblem = MICRO_WISH_STEPS.stepProblem;

describe('micro-wish transitions', () => {
  it('goes collected → claimed → fulfilled, once', () => {
    expect(microWishStepProblem('COLLECTED', 'claim')).toBeNull();
    expect(microWishStepProblem('CLAIMED', 'fulfill')).toBeNull();
    expect(microWishStepProblem('CLAIMED', 'claim')).toBe('The wish is already CLAIMED (已认领)');
    expect(microWishStepProblem('FULFILLED', 'claim')).toMatch(
      /FULFILLED \(已完成\); claiming needs COLLECTED/,
    );
    expect(microWishStepProblem('COLLECTED', 'fulfill')).not.toBeNull();
    expect(microWishStepProblem('FULFILLED', 'cancel')).not.toBeNull();
    expect(microWishStepProblem('CLAIMED', 'cancel')).toBeNull();
  });
});
