import { checkGeofence, haversineMeters } from './geofence';

const tiananmen = { longitude: 116.397477, latitude: 39.908692 };

describe('haversine distance', () => {
  it('is zero for the same point and symmetric', () => {
    expect(haversineMeters(tiananmen, tiananmen)).toBe(0);
    const other = { longitude: 116.4, latitude: 39.91 };
    expect(haversineMeters(tiananmen, other)).toBeCloseTo(haversineMeters(other, tiananmen), 9);
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

  it('matches known city distances within 0.5%', () => {
    // Beijing (Tiananmen) – Shanghai (People's Square): about 1,067 km great-circle.
    const shanghai = { longitude: 121.4737, latitude: 31.2304 };
    expect(haversineMeters(tiananmen, shanghai) / 1000).toBeCloseTo(1067, -1);
    // London – Paris: 343.5 km.
    const london = { longitude: -0.1278, latitude: 51.5074 };
    const paris = { longitude: 2.3522, latitude: 48.8566 };
    expect(Math.abs(haversineMeters(london, paris) - 343_500) / 343_500).toBeLessThan(0.005);
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
});
