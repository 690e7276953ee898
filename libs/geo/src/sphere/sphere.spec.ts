import type { LngLat } from './points';
import {
  boundingBox,
  checkGeofence,
  destination,
  EARTH_RADIUS_METERS,
  haversineMeters,
} from './sphere';

const yunhe = { longitude: 116.84, latitude: 38.3 };
const inBox = (box: ReturnType<typeof boundingBox>, p: LngLat) =>
  p.latitude >= box.minLatitude &&
  p.latitude <= box.maxLatitude &&
  box.longitudeRanges.some(([w, e]) => p.longitude >= w && p.longitude <= e);

describe('haversine distance', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMeters(yunhe, yunhe)).toBe(0);
    const other = { longitude: 115.69, latitude: 37.74 };
    expect(haversineMeters(yunhe, other)).toBeCloseTo(haversineMeters(other, yunhe), 6);
  });

  it('measures meridian arcs exactly: Δφ·R', () => {
    const north = { longitude: yunhe.longitude, latitude: yunhe.latitude + 0.01 };
    expect(haversineMeters(yunhe, north)).toBeCloseTo(
      (0.01 * Math.PI * EARTH_RADIUS_METERS) / 180,
      6,
    );
  });

  it('matches known city distances: 沧州 → 衡水 about 117 km, Beijing → Shanghai about 1,067 km', () => {
    expect(haversineMeters(yunhe, { longitude: 115.69, latitude: 37.74 }) / 1000).toBeCloseTo(
      117,
      -1,
    );
    const beijing = { longitude: 116.397477, latitude: 39.908692 };
    const shanghai = { longitude: 121.4737, latitude: 31.2304 };
    expect(haversineMeters(beijing, shanghai) / 1000).toBeCloseTo(1067, -1);
  });

  it('gives one degree of latitude as πR/180 (111.195 km) and of longitude at the equator too', () => {
    expect(
      haversineMeters({ longitude: 0, latitude: 0 }, { longitude: 0, latitude: 1 }),
    ).toBeCloseTo(111_195.08, 1);
    expect(
      haversineMeters({ longitude: 116, latitude: 0 }, { longitude: 117, latitude: 0 }),
    ).toBeCloseTo(111_195.08, 1);
  });

  it('shrinks longitude degrees by cos(latitude): 1° east at 60° N is half a degree of arc', () => {
    const d = haversineMeters({ longitude: 10, latitude: 60 }, { longitude: 11, latitude: 60 });
    expect(d).toBeGreaterThan(55_500);
    expect(d).toBeLessThan(55_800);
  });

  it('is within 0.5% of London – Paris, 343.5 km', () => {
    const london = { longitude: -0.1278, latitude: 51.5074 };
    const paris = { longitude: 2.3522, latitude: 48.8566 };
    expect(Math.abs(haversineMeters(london, paris) - 343_500) / 343_500).toBeLessThan(0.005);
  });

  it('agrees with the destination point on every bearing', () => {
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315])
      expect(haversineMeters(yunhe, destination(yunhe, bearing, 1234.5))).toBeCloseTo(1234.5, 6);
  });
});

describe('bounding box', () => {
  it('holds every point of the circle, tightly', () => {
    const box = boundingBox(yunhe, 5000);
    for (let bearing = 0; bearing < 360; bearing += 5)
      expect(inBox(box, destination(yunhe, bearing, 4999.999))).toBe(true);
    // Tight: the box's latitude edges are the circle's northmost and southmost points.
    expect(box.maxLatitude).toBeCloseTo(destination(yunhe, 0, 5000).latitude, 9);
    expect(box.minLatitude).toBeCloseTo(destination(yunhe, 180, 5000).latitude, 9);
    const [[west, east]] = box.longitudeRanges;
    expect(east - yunhe.longitude).toBeCloseTo(yunhe.longitude - west, 9);
    // The widest point lies slightly north of due east; due east is inside.
    expect(destination(yunhe, 90, 5000).longitude).toBeLessThan(east);
    expect(
      Math.max(...[85, 86, 87, 88, 89, 90].map((b) => destination(yunhe, b, 5000).longitude)),
    ).toBeCloseTo(east, 6);
  });

  it('splits at the antimeridian', () => {
    const fiji = { longitude: 179.99, latitude: -17 };
    const box = boundingBox(fiji, 10_000);
    expect(box.longitudeRanges).toHaveLength(2);
    expect(box.longitudeRanges[0][1]).toBe(180);
    expect(box.longitudeRanges[1][0]).toBe(-180);
    expect(inBox(box, destination(fiji, 90, 9_999))).toBe(true);
    expect(inBox(box, destination(fiji, 270, 9_999))).toBe(true);
    const west = boundingBox({ longitude: -179.99, latitude: 0 }, 10_000);
    expect(west.longitudeRanges).toHaveLength(2);
    expect(inBox(west, destination({ longitude: -179.99, latitude: 0 }, 270, 9_999))).toBe(true);
  });

  it('takes every longitude when the circle holds a pole', () => {
    const box = boundingBox({ longitude: 10, latitude: 89.99 }, 5_000);
    expect(box.longitudeRanges).toEqual([[-180, 180]]);
    expect(box.maxLatitude).toBe(90);
  });
});

describe('geofence', () => {
  const center = { longitude: 116.8388, latitude: 38.3037 }; // 沧州 运河区
  it('accepts a position within the radius and rejects one outside, with the distance', () => {
    // 0.001° of latitude ≈ 111 m.
    const near = checkGeofence(center, 200, { longitude: 116.8388, latitude: 38.3047 });
    expect(near.inside).toBe(true);
    expect(near.distanceMeters).toBeCloseTo(111.2, 0);
    const far = checkGeofence(center, 200, { longitude: 116.8388, latitude: 38.3067 });
    expect(far).toEqual({ inside: false, distanceMeters: expect.any(Number) });
    expect(far.distanceMeters).toBeCloseTo(333.6, 0);
  });

  it('counts the boundary as inside', () => {
    const { distanceMeters } = checkGeofence(center, 0, { longitude: 116.8388, latitude: 38.3047 });
    expect(
      checkGeofence(center, distanceMeters, { longitude: 116.8388, latitude: 38.3047 }).inside,
    ).toBe(true);
  });

  it('reports the distance to 0.1 m', () => {
    const { distanceMeters } = checkGeofence(center, 1000, destination(center, 45, 123.456));
    expect(distanceMeters).toBe(123.5);
  });
});
