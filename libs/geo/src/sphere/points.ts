/** WGS 84 longitude and latitude in degrees, GeoJSON order. */
export interface LngLat {
  longitude: number;
  latitude: number;
}

/** A GeoJSON point, [longitude, latitude] (WGS 84), as documents store it. */
export interface GeoPoint {
  type: 'Point';
  coordinates: [number, number];
}

export const toGeoPoint = ({ longitude, latitude }: LngLat): GeoPoint => ({
  type: 'Point',
  coordinates: [longitude, latitude],
});

export const fromGeoPoint = ({ coordinates: [longitude, latitude] }: GeoPoint): LngLat => ({
  longitude,
  latitude,
});
