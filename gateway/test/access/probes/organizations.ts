import type { ProbeSet } from '../probe';

export const organizationsProbes: ProbeSet = {
  probes: {},
};
