// Counting a subtree's organizations by kind, sector and region: a pure fold over the projected
// nodes, so the read can stream them.
import type { Types } from 'mongoose';
import type { OrganizationKind, OrganizationSector, OrganizationStatus } from '@jiceng/events';
import { isRatedOrganization } from '../star-rating/star-rating.enums';

export interface TalliedNode {
  _id: Types.ObjectId;
  kind: OrganizationKind;
  sector: OrganizationSector;
  regionCode: string;
  status: OrganizationStatus;
}

export interface SubtreeTally {
  active: number;
  dissolved: number;
  byKind: Map<OrganizationKind, number>;
  bySector: Map<OrganizationSector, number>;
  byRegion: Map<string, number>;
  /** Active community organizations: the ones star-rated. */
  communityIds: Types.ObjectId[];
}

export function emptyTally(): SubtreeTally {
  return {
    active: 0,
    dissolved: 0,
    byKind: new Map(),
    bySector: new Map(),
    byRegion: new Map(),
    communityIds: [],
  };
}

const increment = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Adds one node; dissolved nodes are counted apart and nowhere else. */
export function tally(into: SubtreeTally, node: TalliedNode): SubtreeTally {
  if (node.status !== 'ACTIVE') {
    into.dissolved += 1;
    return into;
  }
  into.active += 1;
  increment(into.byKind, node.kind);
  increment(into.bySector, node.sector);
  increment(into.byRegion, node.regionCode);
  if (isRatedOrganization(node)) into.communityIds.push(node._id);
  return into;
}

/** Entries most numerous first, ties in key order. */
export const byCount = <K extends string>(map: Map<K, number>) =>
  [...map].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
