import type { ProbeSet } from '../probe';

export const ruralProbes: ProbeSet = {
  probes: {},
};
