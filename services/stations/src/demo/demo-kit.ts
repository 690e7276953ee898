// Deterministic ids and randomness for the stations demo, so that loading twice changes nothing.
import { demoIds } from '@jiceng/demo';
export { rng, weighted, weightedIndex } from '@jiceng/demo';

export const demoId = demoIds('stations');
