import { Types } from 'mongoose';
import { visitStats } from './visit-stats';

const a = new Types.ObjectId('64b000000000000000000001');
const b = new Types.ObjectId('64b000000000000000000002');
// Station a: 3 visits on 2023-06-30 (2 riders, one heating a meal and drinking; 1 courier
// resting), 1 on 2023-07-01; station b: 2 couriers on 2023-07-01.
const counters = [
  {
    stationId: a,
    unit: 'DAY' as const,
    period: '2023-06-30',
    visits: 3,
    kinds: {
      DELIVERY_RIDER: { visits: 2, services: { MEAL_HEATING: 2, DRINKING_WATER: 1 } },
      COURIER: { visits: 1, services: { REST: 1 } },
    },
  },
  {
    stationId: a,
    unit: 'DAY' as const,
    period: '2023-07-01',
    visits: 1,
    kinds: { DELIVERY_RIDER: { visits: 1, services: { COOLING: 1 } } },
  },
  {
    stationId: b,
    unit: 'DAY' as const,
    period: '2023-07-01',
    visits: 2,
    kinds: { COURIER: { visits: 2, services: { DRINKING_WATER: 2, REST: 1 } } },
  },
];
const rows = (groupBy: Parameters<typeof visitStats>[1]) =>
  visitStats(counters, groupBy).rows.map(({ visits, ...key }) => [
    Object.values(key)
      .filter((v) => v !== null)
      .join(' '),
    visits,
  ]);

describe('visit statistics', () => {
  it('totals every visit without grouping', () => {
    expect(visitStats(counters, [])).toEqual({
      visits: 6,
      rows: [
        { day: null, month: null, stationId: null, service: null, workerKind: null, visits: 6 },
      ],
    });
  });

  it('buckets by Shanghai day and month (counters are already per Shanghai day)', () => {
    const monthly = counters.map((c) => ({
      ...c,
      unit: 'MONTH' as const,
      period: c.period.slice(0, 7),
    }));
    expect(visitStats(monthly, ['MONTH'])).toEqual(visitStats(counters, ['MONTH']));
    expect(rows(['DAY'])).toEqual([
      ['2023-06-30', 3],
      ['2023-07-01', 3],
    ]);
    expect(rows(['MONTH'])).toEqual([
      ['2023-06', 3],
      ['2023-07', 3],
    ]);
  });

  it('groups by station, worker kind and their combinations', () => {
    expect(rows(['STATION'])).toEqual([
      [String(a), 4],
      [String(b), 2],
    ]);
    expect(rows(['WORKER_KIND'])).toEqual([
      ['COURIER', 3],
      ['DELIVERY_RIDER', 3],
    ]);
    expect(rows(['MONTH', 'STATION', 'WORKER_KIND'])).toEqual([
      [`2023-06 ${a} COURIER`, 1],
      [`2023-06 ${a} DELIVERY_RIDER`, 2],
      [`2023-07 ${a} DELIVERY_RIDER`, 1],
      [`2023-07 ${b} COURIER`, 2],
    ]);
  });

  it('counts uses of each service when grouped by service', () => {
    expect(rows(['SERVICE'])).toEqual([
      ['COOLING', 1],
      ['DRINKING_WATER', 3],
      ['MEAL_HEATING', 2],
      ['REST', 2],
    ]);
    expect(rows(['WORKER_KIND', 'SERVICE'])).toEqual([
      ['DRINKING_WATER COURIER', 2],
      ['REST COURIER', 2],
      ['COOLING DELIVERY_RIDER', 1],
      ['DRINKING_WATER DELIVERY_RIDER', 1],
      ['MEAL_HEATING DELIVERY_RIDER', 2],
    ]);
  });
});
