import { GraphQLError } from 'graphql';
import { defineSteps } from './steps';
import { lostMessage } from './transition';

const WISH = defineSteps(
  'wish',
  { COLLECTED: '已征集', CLAIMED: '已认领', FULFILLED: '已完成', CANCELLED: '已撤销' },
  {
    claim: {
      from: 'COLLECTED',
      to: 'CLAIMED',
      label: 'claiming',
      done: 'The wish is already claimed',
    },
    fulfill: { from: ['CLAIMED'], to: 'FULFILLED', label: 'fulfilment' },
    cancel: { from: ['COLLECTED', 'CLAIMED'], to: 'CANCELLED', label: 'cancellation' },
  },
);

describe('defineSteps', () => {
  it('lists the states in declaration order with their labels', () => {
    expect(WISH.states).toEqual(['COLLECTED', 'CLAIMED', 'FULFILLED', 'CANCELLED']);
    expect(WISH.labels.CLAIMED).toBe('已认领');
    expect(WISH.describe('FULFILLED')).toBe('FULFILLED (已完成)');
  });

  it('normalises a single from state to a list', () => {
    expect(WISH.steps.claim.from).toEqual(['COLLECTED']);
    expect(WISH.steps.cancel.from).toEqual(['COLLECTED', 'CLAIMED']);
  });

  it("keeps a step's further fields, typed", () => {
    const SHEET = defineSteps(
      'sheet',
      { OPEN: '已开', DONE: '已完' },
      { finish: { from: 'OPEN', to: 'DONE', label: 'finishing', authority: 'ABOVE' as const } },
    );
    const authority: 'ABOVE' = SHEET.steps.finish.authority;
    expect(authority).toBe('ABOVE');
  });

  it('allows a step from each of its from states only', () => {
    expect(WISH.stepProblem('COLLECTED', 'cancel')).toBeNull();
    expect(WISH.stepProblem('CLAIMED', 'cancel')).toBeNull();
    expect(WISH.stepProblem('FULFILLED', 'cancel')).toBe(
      'The wish is FULFILLED (已完成); cancellation needs COLLECTED (已征集) or CLAIMED (已认领)',
    );
  });

  it("words a repeated step as 'already', or with the step's own message when it has one", () => {
    expect(WISH.stepProblem('CLAIMED', 'claim')).toBe('The wish is already claimed');
    expect(WISH.stepProblem('FULFILLED', 'fulfill')).toBe('The wish is already FULFILLED (已完成)');
  });

  it('requireStep throws CONFLICT with the same message', () => {
    expect(() => WISH.requireStep('COLLECTED', 'claim')).not.toThrow();
    try {
      WISH.requireStep('CANCELLED', 'fulfill');
      throw new Error('expected a CONFLICT');
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions.code).toBe('CONFLICT');
      expect((error as GraphQLError).message).toBe(
        'The wish is CANCELLED (已撤销); fulfilment needs CLAIMED (已认领)',
      );
    }
  });
});

describe('lostMessage', () => {
  it('names the state the record moved to', () => {
    expect(lostMessage(WISH, 'fulfill', 'CANCELLED', 'Wish 1')).toBe(
      'The wish is CANCELLED (已撤销); fulfilment needs CLAIMED (已认领)',
    );
  });

  it('names the state when only another guard (a version) moved on', () => {
    expect(lostMessage(WISH, 'cancel', 'CLAIMED', 'Wish 1')).toBe(
      'Wish 1 changed concurrently (it is CLAIMED (已认领) now); read it again and retry',
    );
  });
});
