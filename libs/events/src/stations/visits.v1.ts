import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const STATION_VISIT_EVENT_TYPES = ['jiceng.stations.visit.recorded'] as const;
export type StationVisitEventType = (typeof STATION_VISIT_EVENT_TYPES)[number];

/**
 * Payload of `jiceng.stations.visits.v1`: one visit of a new-employment worker at a station
 * (爱心驿站) and the services used. No personal data: neither the worker nor a member is named,
 * only the kind of work and the platform.
 */
export interface StationVisitRecordedV1 {
  visitId: string;
  stationId: string;
  /** The organization that runs the station at the time of the visit. */
  operatorId: string;
  workerKind: 'DELIVERY_RIDER' | 'COURIER' | 'RIDE_HAILING_DRIVER' | 'TRUCK_DRIVER';
  /** 美团, 饿了么, 顺丰 … as an enum value (MEITUAN, ELEME, SF_EXPRESS …); null when not known. */
  platform: string | null;
  /** Of the seven services: WARMTH, COOLING, DRINKING_WATER, RESTROOM, REST, MEAL_HEATING, FIRST_AID. */
  services: string[];
  channel: 'STATION_TERMINAL' | 'WORKER_PHONE';
  visitedAt: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
// The seven services of an 爱心驿站: 冷可取暖、热可纳凉、渴可喝水、急可入厕、累可歇脚、饥可热饭、伤可用药.
const STATION_SERVICE_VALUES = [
  'WARMTH',
  'COOLING',
  'DRINKING_WATER',
  'RESTROOM',
  'REST',
  'MEAL_HEATING',
  'FIRST_AID',
];

export const stationVisitRecordedV1Schema: JSONSchemaType<StationVisitRecordedV1> = {
  $id: 'urn:jiceng:schema:stations.visits.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'visitId',
    'stationId',
    'operatorId',
    'workerKind',
    'platform',
    'services',
    'channel',
    'visitedAt',
  ],
  properties: {
    visitId: { type: 'string', pattern: OBJECT_ID },
    stationId: { type: 'string', pattern: OBJECT_ID },
    operatorId: { type: 'string', pattern: OBJECT_ID },
    workerKind: {
      type: 'string',
      enum: ['DELIVERY_RIDER', 'COURIER', 'RIDE_HAILING_DRIVER', 'TRUCK_DRIVER'],
    },
    // ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
    platform: {
      type: 'string',
      pattern: '^[A-Z][A-Z_]*$',
      nullable: true,
    } as unknown as JSONSchemaType<string>,
    services: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: STATION_SERVICE_VALUES },
    },
    channel: { type: 'string', enum: ['STATION_TERMINAL', 'WORKER_PHONE'] },
    visitedAt: { type: 'string', format: 'date-time' },
  },
};

export const stationVisitRecordedV1: EventContract<StationVisitRecordedV1> = {
  topic: Topics.stationsVisits,
  source: '/jiceng/stations',
  types: STATION_VISIT_EVENT_TYPES,
  dataschema: stationVisitRecordedV1Schema.$id as string,
  schema: stationVisitRecordedV1Schema,
};
