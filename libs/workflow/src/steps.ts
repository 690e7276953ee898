// A state machine declared once: its states with their Chinese labels, and its named steps, each
// from one or more states to one. Services take every label, allowed move and refusal message from
// here, so the ten machines word a refused step the same way.
import { conflict } from '@jiceng/graphql';

export interface StepSpec<S extends string> {
  from: S | readonly S[];
  to: S;
  /** How the refusal names the step, e.g. '公开讲 (public defense)'. */
  label: string;
  /** The refusal when the record already is in `to` (a repeated step); 'The claim is already X'. */
  done?: string;
}

/** A declared step with its `from` as a list; any further fields of the spec (who takes it) stay. */
export type Step<S extends string, P = StepSpec<S>> = Omit<P, 'from'> & {
  from: readonly S[];
  to: S;
  label: string;
  done?: string;
};

export interface Steps<S extends string, K extends string, P = StepSpec<S>> {
  /** What the record is called in messages: 'claim', 'rating'. */
  readonly noun: string;
  readonly labels: Readonly<Record<S, string>>;
  readonly states: readonly S[];
  readonly steps: Readonly<Record<K, Step<S, P>>>;
  /** `STATE (标签)`, the way every message names a state. */
  describe(state: S): string;
  /** Why `step` cannot be taken in `state`, worded for the client, or null when it can. */
  stepProblem(state: S, step: K): string | null;
  /** Throws CONFLICT with `stepProblem` when the step cannot be taken in `state`. */
  requireStep(state: S, step: K): void;
}

/**
 * A machine from its states' labels (declaration order is the states' order) and its steps by
 * name. A step's spec may carry more fields (an authority, an earliest date); they are kept.
 */
export function defineSteps<
  const S extends string,
  const K extends string,
  P extends StepSpec<NoInfer<S>> = StepSpec<NoInfer<S>>,
>(noun: string, labels: Record<S, string>, specs: Record<K, P>): Steps<S, K, P> {
  const steps = Object.fromEntries(
    (Object.entries(specs) as [K, P][]).map(([name, spec]) => {
      const from: readonly S[] = typeof spec.from === 'string' ? [spec.from] : spec.from;
      return [name, { ...spec, from }];
    }),
  ) as unknown as Record<K, Step<S, P>>;
  const describe = (state: S) => `${state} (${labels[state]})`;
  const stepProblem = (state: S, step: K): string | null => {
    const { from, to, label, done } = steps[step];
    if (from.includes(state)) return null;
    if (state === to) return done ?? `The ${noun} is already ${describe(state)}`;
    return `The ${noun} is ${describe(state)}; ${label} needs ${from.map(describe).join(' or ')}`;
  };
  return {
    noun,
    labels,
    states: Object.keys(labels) as S[],
    steps,
    describe,
    stepProblem,
    requireStep(state, step) {
      const problem = stepProblem(state, step);
      if (problem) throw conflict(problem);
    },
  };
}
