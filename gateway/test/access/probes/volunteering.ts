import type { ProbeSet } from '../probe';

export const volunteeringProbes: ProbeSet = {
  probes: {},
};
