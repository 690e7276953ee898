import type { ProbeSet } from '../probe';

export const creditProbes: ProbeSet = {
  probes: {},
};
