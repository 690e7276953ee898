import type { ProbeSet } from '../probe';

export const stationsProbes: ProbeSet = {
  probes: {},
};
