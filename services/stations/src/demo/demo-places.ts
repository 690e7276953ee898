// The demo's stations: "20家运河区新业态新就业群体党建联盟'新'驿站" around 运河区 (沧州) and the
// "14个'爱心驿站'" of 桃城区 (衡水), with their hours, equipment and services.
import type { Types } from 'mongoose';
import { chineseNumeral } from '@jiceng/demo';
import { type OpeningInterval, WEEKDAYS, shanghaiInstant } from '@jiceng/calendar';
import { destination, type LngLat } from '@jiceng/geo';
import { STATION_SERVICES, type Amenity, type StationService } from '../station/station.enums';
import type { Station, StatusChange } from '../station/station.schema';
import { demoId } from './demo-kit';

export interface DemoOrg {
  _id: Types.ObjectId;
  name: string;
}

export const YUNHE_CENTER: LngLat = { longitude: 116.84, latitude: 38.3 };
export const TAOCHENG_CENTER: LngLat = { longitude: 115.69, latitude: 37.74 };
export const YUNHE_OPENED = '2023-05-15';
export const TAOCHENG_OPENED = '2023-06-01';
const ADMIN = 'demo-admin';
const WORKDAYS = WEEKDAYS.slice(0, 5);
const WEEKEND = WEEKDAYS.slice(5);
const hours = (opens: string, closes: string, weekdays = WEEKDAYS): OpeningInterval => ({
  weekdays: [...weekdays],
  opens,
  closes,
});
/** Most stations keep the day; some the evening rush; two never close; one serves the night. */
const YUNHE_HOURS: OpeningInterval[][] = [
  [hours('08:00', '20:00')],
  [hours('07:00', '22:00')],
  [hours('00:00', '24:00')],
  [hours('20:00', '08:00')],
];
const yunheHoursOf = (i: number) =>
  YUNHE_HOURS[i === 0 || i === 11 ? 2 : i === 17 ? 3 : i % 6 === 4 ? 1 : 0];
const YUNHE_AMENITIES: Amenity[] = [
  'AIR_CONDITIONING',
  'DRINKING_WATER',
  'MICROWAVE',
  'FIRST_AID_KIT',
  'RAIN_GEAR',
  'REPAIR_TOOLS',
  'CHARGING',
  'READING',
  'REST',
];
const TAOCHENG_AMENITIES: Amenity[] = [
  'AIR_CONDITIONING',
  'DRINKING_WATER',
  'MICROWAVE',
  'FIRST_AID_KIT',
  'RESTROOM',
  'REST',
  'CHARGING',
];

/** A closure in the demo: 2023-08-01 to 2023-08-10 for repairs, at one 运河区 station. */
export const REPAIR = { station: 7, from: '2023-08-01', to: '2023-08-10' };

/** Points spread evenly over a disc (a sunflower pattern), so stations do not cluster. */
function spread(center: LngLat, radiusMeters: number, count: number, i: number): LngLat {
  const bearing = (i * 137.508) % 360;
  return destination(center, bearing, radiusMeters * Math.sqrt((i + 0.5) / count));
}

function station(
  path: string,
  fields: Omit<
    Station,
    | '_id'
    | 'lng'
    | 'lat'
    | 'location'
    | 'statusHistory'
    | 'status'
    | 'version'
    | 'createdBy'
    | 'createdAt'
    | 'updatedAt'
  >,
  point: LngLat,
  opened: string,
  changes: Omit<StatusChange, 'changedBy'>[] = [],
): Station {
  const createdAt = shanghaiInstant(opened, 9);
  const history: StatusChange[] = [
    { status: 'OPEN', reason: '驿站建成开放', changedBy: ADMIN, changedAt: createdAt },
    ...changes.map((c) => ({ ...c, changedBy: ADMIN })),
  ];
  const last = history[history.length - 1];
  return {
    _id: demoId(path),
    ...fields,
    location: { type: 'Point', coordinates: [point.longitude, point.latitude] },
    lng: point.longitude,
    lat: point.latitude,
    status: last.status,
    statusHistory: history,
    version: history.length,
    createdBy: ADMIN,
    createdAt,
    updatedAt: last.changedAt,
  };
}

/** Community names read better without the committee: 水月寺朝阳社区党委 → 水月寺朝阳社区. */
const placeName = (org: DemoOrg) => org.name.replace(/(党委|党总支|党支部|党工委)$/, '');

/** 运河区: the first operator (市场街道, home of the 党群服务中心) and 19 communities. */
export function yunheStations(operators: DemoOrg[]): Station[] {
  return operators.map((operator, i) => {
    const place = placeName(operator);
    const services: StationService[] =
      i % 5 === 3 ? STATION_SERVICES.filter((s) => s !== 'WARMTH') : [...STATION_SERVICES];
    const repair =
      i === REPAIR.station
        ? [
            {
              status: 'TEMPORARILY_CLOSED' as const,
              reason: '空调检修',
              changedAt: shanghaiInstant(REPAIR.from, 8),
            },
            {
              status: 'OPEN' as const,
              reason: '检修完毕，恢复开放',
              changedAt: shanghaiInstant(REPAIR.to, 8),
            },
          ]
        : [];
    return station(
      `station/yunhe/${i}`,
      {
        operatorId: operator._id,
        name: i === 0 ? '运河区新业态新就业群体"新"港湾驿站' : `${place}暖"新"驿站`,
        kind: 'WARM_NEW',
        address: `沧州市运河区${place}党群服务中心`,
        openingHours: yunheHoursOf(i),
        amenities: i % 4 === 1 ? [...YUNHE_AMENITIES, 'RESTROOM'] : YUNHE_AMENITIES,
        services,
      },
      spread(YUNHE_CENTER, 3500, operators.length, i),
      YUNHE_OPENED,
      repair,
    );
  });
}

/** 桃城区: 14 爱心驿站 in street and community service centres, run with the 两新工委. */
export function taochengStations(operator: DemoOrg, count: number): Station[] {
  return Array.from({ length: count }, (_, i) =>
    station(
      `station/taocheng/${i}`,
      {
        operatorId: operator._id,
        name: `桃城区第${chineseNumeral(i + 1)}爱心驿站`,
        kind: 'CARING',
        address: `衡水市桃城区第${chineseNumeral(i + 1)}社区党群服务中心`,
        openingHours:
          i % 4 === 2
            ? [hours('00:00', '24:00')]
            : [hours('08:00', '20:00', WORKDAYS), hours('09:00', '18:00', WEEKEND)],
        amenities: i % 3 === 0 ? [...TAOCHENG_AMENITIES, 'RAIN_GEAR'] : TAOCHENG_AMENITIES,
        services: [...STATION_SERVICES],
      },
      spread(TAOCHENG_CENTER, 3000, count, i),
      TAOCHENG_OPENED,
    ),
  );
}
