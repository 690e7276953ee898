import { Types } from 'mongoose';
import { shanghaiInstant, type OpeningInterval } from '@jiceng/calendar';
import { destination, EARTH_RADIUS_METERS } from '@jiceng/geo';
import { rankNearby, type NearbyCandidate } from './nearby';

const center = { longitude: 116.84, latitude: 38.3 };
const ALL_DAY: OpeningInterval[] = [
  {
    weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
    opens: '08:00',
    closes: '20:00',
  },
];
const station = (
  bearing: number,
  meters: number,
  overrides: Partial<NearbyCandidate> = {},
): NearbyCandidate => {
  const p = destination(center, bearing, meters);
  return {
    _id: new Types.ObjectId(),
    lng: p.longitude,
    lat: p.latitude,
    status: 'OPEN',
    openingHours: ALL_DAY,
    ...overrides,
  };
};

describe('nearby ranking', () => {
  const far = station(0, 2000);
  const near = station(90, 300);
  const middle = station(225, 1000);
  const outside = station(180, 3000.5);
  const candidates = [far, near, outside, middle];

  it('orders by exact distance and cuts at the radius', () => {
    const result = rankNearby(candidates, { center, radiusMeters: 3000 }, { first: 10 });
    expect(result.edges.map((e) => e.node)).toEqual([near, middle, far]);
    expect(result.edges.map((e) => e.distanceMeters)).toEqual([300, 1000, 2000]);
    expect(result.totalCount).toBe(3);
    // The meridian arc to the north is Δφ·R exactly.
    const north = {
      ...station(0, 0),
      lat: center.latitude + (500 / EARTH_RADIUS_METERS) * (180 / Math.PI),
    };
    expect(rankNearby([north], { center, radiusMeters: 600 }, {}).edges[0].distanceMeters).toBe(
      500,
    );
  });

  it('pages by (distance, id) cursors', () => {
    const first = rankNearby(candidates, { center, radiusMeters: 5000 }, { first: 2 });
    expect(first.edges.map((e) => e.node)).toEqual([near, middle]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = rankNearby(
      candidates,
      { center, radiusMeters: 5000 },
      { first: 2, after: first.pageInfo.endCursor },
    );
    expect(second.edges.map((e) => e.node)).toEqual([far, outside]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[1].cursor });
    expect(() =>
      rankNearby(candidates, { center, radiusMeters: 5000 }, { after: 'bogus' }),
    ).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('keeps only stations open at the instant when asked, overnight hours included', () => {
    const night = station(0, 100, {
      openingHours: [{ weekdays: ['MONDAY'], opens: '20:00', closes: '06:00' }],
    });
    const paused = station(0, 200, { status: 'TEMPORARILY_CLOSED' });
    const all = [night, paused, near];
    // 2023-06-06 is a Tuesday: 05:00 is still Monday night's interval.
    const early = rankNearby(
      all,
      { center, radiusMeters: 1000, openAt: shanghaiInstant('2023-06-06', 5) },
      {},
    );
    expect(early.edges.map((e) => e.node)).toEqual([night]);
    const noon = rankNearby(
      all,
      { center, radiusMeters: 1000, openAt: shanghaiInstant('2023-06-06', 12) },
      {},
    );
    expect(noon.edges.map((e) => e.node)).toEqual([near]);
    expect(rankNearby(all, { center, radiusMeters: 1000 }, {}).totalCount).toBe(3);
  });
});
