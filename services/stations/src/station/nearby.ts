import type { Types } from 'mongoose';
import { badUserInput, pageSize, type PageArgs } from '@jiceng/graphql';
import { isOpenAt } from '@jiceng/calendar';
import { haversineMeters, type LngLat } from '@jiceng/geo';
import type { Station } from './station.schema';

export type NearbyCandidate = Pick<Station, '_id' | 'lng' | 'lat' | 'status' | 'openingHours'>;

export interface NearbyEdge<T> {
  cursor: string;
  /** Great-circle distance from the search point, to the decimetre. */
  distanceMeters: number;
  node: T;
}

export interface NearbyConnection<T> {
  edges: NearbyEdge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface NearbyOptions {
  center: LngLat;
  radiusMeters: number;
  /** Keep only stations open (status OPEN, within their hours) at this instant. */
  openAt?: Date;
}

// A page continues after the (distance, id) of the last edge: stable while stations are added.
const encodeCursor = (distance: number, id: Types.ObjectId) =>
  Buffer.from(`near:${distance}:${String(id)}`).toString('base64url');

function decodeCursor(cursor: string): { distance: number; id: string } {
  const match = /^near:([0-9.e+-]+):([0-9a-f]{24})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!match || !Number.isFinite(Number(match[1])))
    throw badUserInput([{ field: 'after', message: 'is not a cursor returned by nearbyStations' }]);
  return { distance: Number(match[1]), id: match[2] };
}

/**
 * The candidates a bounding-box query returned, measured exactly: those within the radius (and
 * open, when asked), nearest first (ties by id), one page of them.
 */
export function rankNearby<T extends NearbyCandidate>(
  candidates: T[],
  options: NearbyOptions,
  page: PageArgs,
): NearbyConnection<T> {
  const size = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after) : null;
  const ranked = candidates
    .map((node) => ({
      node,
      distance: haversineMeters(options.center, { longitude: node.lng, latitude: node.lat }),
    }))
    .filter(({ distance }) => distance <= options.radiusMeters)
    .filter(
      ({ node }) =>
        !options.openAt || (node.status === 'OPEN' && isOpenAt(node.openingHours, options.openAt)),
    )
    .sort(
      (a, b) => a.distance - b.distance || String(a.node._id).localeCompare(String(b.node._id)),
    );
  const rest = after
    ? ranked.filter(
        ({ node, distance }) =>
          distance > after.distance || (distance === after.distance && String(node._id) > after.id),
      )
    : ranked;
  const edges = rest.slice(0, size).map(({ node, distance }) => ({
    cursor: encodeCursor(distance, node._id),
    distanceMeters: Math.round(distance * 10) / 10,
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: ranked.length,
  };
}
