import type { Claims } from '@jiceng/auth';
import { fiveStarCap } from './star-rating.enums';
import {
  defenseProblems,
  findingProblems,
  reviewProblems,
  stepProblem,
  transitionProblem,
  type RatingState,
  type TransitionStep,
} from './star-rating-steps';

const district = 'd0000000000000000000000d';
const street = 's0000000000000000000000s';
const community = 'c0000000000000000000000c';
const path = { organizationId: community, streetId: street, ancestorIds: ['p', district, street] };
const claims = (role: Claims['role'], orgId?: string): Claims => ({
  sub: 'test',
  role,
  orgId,
  exp: 0,
});

const rating = (status: RatingState['status'], over: Partial<RatingState> = {}): RatingState => ({
  status,
  selfAssessment: { claimedStars: 5 },
  ...over,
});

describe('transitions', () => {
  const allowed: [RatingState['status'], TransitionStep][] = [
    ['SELF_ASSESSED', 'defend'],
    ['DEFENDED', 'inspect'],
    ['DEFENDED', 'review'],
    ['INSPECTED', 'review'],
    ['REVIEWED', 'publish'],
  ];
  const steps: TransitionStep[] = ['defend', 'inspect', 'review', 'publish'];
  const statuses = ['SELF_ASSESSED', 'DEFENDED', 'INSPECTED', 'REVIEWED', 'PUBLISHED'] as const;

  it.each(statuses.flatMap((s) => steps.map((step) => [s, step] as const)))(
    'from %s, %s is allowed only along the workflow',
    (status, step) => {
      const ok = allowed.some(([s, t]) => s === status && t === step);
      expect(
        transitionProblem(rating(status, { defense: { proposedStars: 4 } }), step) === null,
      ).toBe(ok);
    },
  );

  it('explains a rejected transition', () => {
    expect(transitionProblem(rating('SELF_ASSESSED'), 'publish')).toBe(
      'The rating is SELF_ASSESSED (自己评（已自评）); publication (公布授旗) needs REVIEWED (复评（已复评）)',
    );
  });

  it('sends a five-star candidate through the inspection before the review', () => {
    expect(
      transitionProblem(rating('DEFENDED', { defense: { proposedStars: 5 } }), 'review'),
    ).toMatch(/five-star candidate must pass 实地看/);
  });
});

describe('who takes each step', () => {
  it('lets the community self-assess, the street defend and inspect, the district review', () => {
    expect(stepProblem(claims('ORG_ADMIN', community), 'selfAssess', path)).toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', street), 'defend', path)).toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', street), 'inspect', path)).toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', district), 'review', path)).toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', 'p'), 'publish', path)).toBeNull();
    expect(stepProblem(claims('ADMIN'), 'review', path)).toBeNull();
  });

  it('refuses every other role and level', () => {
    expect(stepProblem(claims('ORG_ADMIN', street), 'selfAssess', path)).not.toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', community), 'defend', path)).not.toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', district), 'defend', path)).not.toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', street), 'review', path)).not.toBeNull();
    expect(stepProblem(claims('ORG_ADMIN', 'elsewhere'), 'publish', path)).not.toBeNull();
    expect(stepProblem(claims('ANALYST', district), 'review', path)).not.toBeNull();
    expect(stepProblem(claims('AUDITOR'), 'review', path)).not.toBeNull();
  });
});

describe('step rules', () => {
  it('caps five-star candidates at ceil(20%) of the street, in integer arithmetic', () => {
    expect([1, 5, 6, 10, 11, 12, 13, 15, 73].map((n) => fiveStarCap(n))).toEqual([
      1, 1, 2, 2, 3, 3, 3, 3, 15,
    ]);
    expect(fiveStarCap(0)).toBe(0);
  });

  it('names five-star candidates only among communities that claimed five', () => {
    expect(defenseProblems(rating('SELF_ASSESSED'), 5)).toEqual([]);
    expect(
      defenseProblems(rating('SELF_ASSESSED', { selfAssessment: { claimedStars: 4 } }), 5),
    ).toEqual([expect.objectContaining({ field: 'input.proposedStars' })]);
    expect(
      defenseProblems(rating('SELF_ASSESSED', { selfAssessment: { claimedStars: 3 } }), 4),
    ).toEqual([]);
  });

  it('wants each of 三查三看 once', () => {
    const ok = ['SERVICE_CENTER', 'RECORDS', 'HIGHLIGHTS'].map((check) => ({
      check: check as 'RECORDS',
      note: '达标',
    }));
    expect(findingProblems(ok)).toEqual([]);
    expect(findingProblems([ok[0], ok[0]])).toEqual([
      { field: 'input.findings[1].check', message: 'SERVICE_CENTER is reported twice' },
      { field: 'input.findings', message: 'missing checks: RECORDS, HIGHLIGHTS' },
    ]);
  });

  it('gives five stars only to a candidate that passed the inspection', () => {
    const candidate = { defense: { proposedStars: 5 } };
    expect(
      reviewProblems(rating('INSPECTED', { ...candidate, inspection: { passed: true } }), 5),
    ).toEqual([]);
    expect(
      reviewProblems(rating('INSPECTED', { ...candidate, inspection: { passed: false } }), 5),
    ).toEqual([expect.objectContaining({ field: 'input.stars' })]);
    expect(reviewProblems(rating('DEFENDED', { defense: { proposedStars: 4 } }), 5)).toHaveLength(
      1,
    );
    expect(
      reviewProblems(rating('INSPECTED', { ...candidate, inspection: { passed: false } }), 4),
    ).toEqual([]);
  });
});
