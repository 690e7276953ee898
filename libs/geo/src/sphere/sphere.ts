import type { LngLat } from './points';

// Distances, bounding boxes and geofences on a sphere of the IUGG mean Earth radius. They are
// computed here rather than in MongoDB, so the same queries run on the local Mongo-wire server
// (no $geoNear, no geo queries) and on MongoDB; one distance per check-in or candidate needs none.

/** The IUGG mean Earth radius. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance by the haversine formula; good to ~0.5% anywhere on Earth. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Every point within the radius lies in `minLatitude..maxLatitude` and in one of the longitude
 * ranges (two when the circle crosses the antimeridian, the whole circle when it holds a pole).
 */
export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  longitudeRanges: [number, number][];
}

/**
 * The smallest latitude/longitude box around a circle on the sphere (J. P. Matuschek, "Finding
 * points within a distance of a latitude/longitude using bounding coordinates"): the longitude
 * half-width asin(sin δ / cos φ) is reached north of the centre's parallel, not on it.
 */
export function boundingBox(center: LngLat, radiusMeters: number): BoundingBox {
  const delta = radiusMeters / EARTH_RADIUS_METERS;
  const lat = rad(center.latitude);
  const minLat = lat - delta;
  const maxLat = lat + delta;
  if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2)
    return {
      minLatitude: deg(Math.max(minLat, -Math.PI / 2)),
      maxLatitude: deg(Math.min(maxLat, Math.PI / 2)),
      longitudeRanges: [[-180, 180]],
    };
  const dLng = deg(Math.asin(Math.min(1, Math.sin(delta) / Math.cos(lat))));
  const west = center.longitude - dLng;
  const east = center.longitude + dLng;
  const longitudeRanges: [number, number][] =
    west < -180
      ? [
          [west + 360, 180],
          [-180, east],
        ]
      : east > 180
        ? [
            [west, 180],
            [-180, east - 360],
          ]
        : [[west, east]];
  return { minLatitude: deg(minLat), maxLatitude: deg(maxLat), longitudeRanges };
}

/** The point `meters` away from `from` on the initial bearing (degrees clockwise from north). */
export function destination(from: LngLat, bearingDegrees: number, meters: number): LngLat {
  const delta = meters / EARTH_RADIUS_METERS;
  const theta = rad(bearingDegrees);
  const lat1 = rad(from.latitude);
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(theta),
  );
  const lng2 =
    rad(from.longitude) +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(lat1),
      Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { longitude: ((deg(lng2) + 540) % 360) - 180, latitude: deg(lat2) };
}

export interface GeofenceResult {
  inside: boolean;
  /** Rounded to 0.1 m, as reported back to the person checking in. */
  distanceMeters: number;
}

/** Whether a position lies within the circle; the boundary counts as inside. */
export function checkGeofence(
  center: LngLat,
  radiusMeters: number,
  position: LngLat,
): GeofenceResult {
  const distanceMeters = Math.round(haversineMeters(center, position) * 10) / 10;
  return { inside: distanceMeters <= radiusMeters, distanceMeters };
}
