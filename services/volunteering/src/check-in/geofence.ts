// Geofence checks are computed here, not in MongoDB: the local Mongo-wire server has no geo
// queries, and one distance per check-in needs none.

/** WGS 84 longitude and latitude in degrees, GeoJSON order. */
export interface LngLat {
  longitude: number;
  latitude: number;
}

/** The IUGG mean Earth radius. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance by the haversine formula; good to ~0.5% anywhere on Earth. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface GeofenceResult {
  inside: boolean;
  distanceMeters: number;
}

export function checkGeofence(
  center: LngLat,
  radiusMeters: number,
  position: LngLat,
): GeofenceResult {
  const distanceMeters = Math.round(haversineMeters(center, position) * 10) / 10;
  return { inside: distanceMeters <= radiusMeters, distanceMeters };
}
