// A state machine declared once: its states with their Chinese labels, and its named steps, each
// from one or more states to one. Services take every label, allowed move and refusal message from
// here, so the ten machines word a refused step the same way.
import { conflict } from '@jiceng/graphql';

export interface StepSpec<S extends string> {
  from: S | readonly S[];
  to: S;
  /** How the refusal names the step, e.g. '公开讲 (public defense)'. */
  label: string;
  /** The refusal when the record already is in `to` (a repeated step), if it reads better. */
  done?: string;
}

export interface Step<S extends string> {
  from: readonly S[];
  to: S;
  label: string;
  done?: string;
}

export interface Steps<S extends string, K extends string> {
  /** What the record is called in messages: 'claim', 'rating'. */
  readonly noun: string;
  readonly labels: Readonly<Record<S, string>>;
  readonly states: readonly S[];
  readonly steps: Readonly<Record<K, Step<S>>>;
  /** `STATE (标签)`, the way every message names a state. */
  describe(state: S): string;
  /** Why `step` cannot be taken in `state`, worded for the client, or null when it can. */
  stepProblem(state: S, step: K): string | null;
  /** Throws CONFLICT with `stepProblem` when the step cannot be taken in `state`. */
  requireStep(state: S, step: K): void;
}

export function defineSteps<const S extends string, const K extends string>(
  noun: string,
  labels: Record<S, string>,
  specs: Record<K, StepSpec<NoInfer<S>>>,
): Steps<S, K> {
  const steps = Object.fromEntries(
    (Object.entries(specs) as [K, StepSpec<S>][]).map(([name, spec]) => {
      const from: readonly S[] = typeof spec.from === 'string' ? [spec.from] : spec.from;
      return [name, { ...spec, from }];
    }),
  ) as Record<K, Step<S>>;
  const describe = (state: S) => `${state} (${labels[state]})`;
  const stepProblem = (state: S, step: K): string | null => {
    const { from, to, label, done } = steps[step];
    if (from.includes(state)) return null;
    if (state === to && done) return done;
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
