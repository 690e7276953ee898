import type { OrganizationSector } from '@jiceng/events';
import { isInFuture } from '@jiceng/calendar';
import type { PairingKind } from './pairing.enums';

/** A party as the rules need it: the first party leads (牵头方). */
export interface PartyFacts {
  sector: OrganizationSector;
  regionCode: string;
}

const ENTERPRISE: OrganizationSector[] = ['SOE', 'NON_PUBLIC_ENTERPRISE', 'CONSTRUCTION_PROJECT'];
const VILLAGE: OrganizationSector[] = ['VILLAGE'];
const COMMUNITY: OrganizationSector[] = ['COMMUNITY', 'RESIDENTIAL_COMPOUND', 'GRID', 'BUILDING'];
const GOVERNMENT: OrganizationSector[] = ['STATE_ORGAN', 'PUBLIC_INSTITUTION'];

const has = (parties: PartyFacts[], sectors: OrganizationSector[]) =>
  parties.some((p) => sectors.includes(p.sector));

/**
 * Why the parties do not fit the pairing's kind, or null: each kind names the sides it joins
 * (村企 a village and an enterprise, 大党委 a community leading resident units, 跨省 two provinces).
 */
export function pairingKindProblem(kind: PairingKind, parties: PartyFacts[]): string | null {
  switch (kind) {
    case 'VILLAGE_ENTERPRISE':
      return has(parties, VILLAGE) && has(parties, ENTERPRISE)
        ? null
        : 'a village–enterprise pairing needs a village and an enterprise organization';
    case 'COMMUNITY_ENTERPRISE':
      return has(parties, COMMUNITY) && has(parties, ENTERPRISE)
        ? null
        : 'a community–enterprise pairing needs a community and an enterprise organization';
    case 'GOVERNMENT_ENTERPRISE':
      return has(parties, GOVERNMENT) && has(parties, ENTERPRISE)
        ? null
        : 'a government–enterprise pairing needs a state organ or public institution and an enterprise organization';
    case 'SOE':
      return has(parties, ['SOE'])
        ? null
        : 'an SOE pairing needs a state-owned enterprise organization';
    case 'COMMUNITY_UNIT':
      return COMMUNITY.includes(parties[0].sector)
        ? null
        : 'a community–unit pairing (大党委) is led by a community organization, named first';
    case 'CROSS_PROVINCE':
      return new Set(parties.map((p) => p.regionCode.slice(0, 2))).size >= 2
        ? null
        : 'a cross-province pairing needs organizations of at least two provinces';
  }
}

/** Why a dated change cannot be recorded at `at`, or null: changes are in order and not in the future. */
export function changeDateProblem(at: Date, previous: Date | undefined, now: Date): string | null {
  if (isInFuture(at, now)) return 'must not be in the future';
  if (previous && at.getTime() < previous.getTime())
    return `must not be before the previous change (${previous.toISOString()})`;
  return null;
}
