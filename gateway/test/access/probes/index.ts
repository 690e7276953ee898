import type { ProbeSet } from '../probe';
import { creditProbes } from './credit';
import { householdContactsProbes } from './household-contacts';
import { membersProbes } from './members';
import { organizationalLifeProbes } from './organizational-life';
import { organizationsProbes } from './organizations';
import { ruralProbes } from './rural';
import { stationsProbes } from './stations';
import { volunteeringProbes } from './volunteering';
import { whistleProbes } from './whistles';

/** Every subgraph's probes; access.e2e-spec.ts requires one for each row of ACCESS.md. */
export const PROBE_SETS: readonly ProbeSet[] = [
  organizationsProbes,
  membersProbes,
  organizationalLifeProbes,
  householdContactsProbes,
  volunteeringProbes,
  whistleProbes,
  stationsProbes,
  ruralProbes,
  creditProbes,
];
