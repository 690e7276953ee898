import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const SERVICE_DAY_EVENT_TYPES = [
  'jiceng.volunteering.service-day.planned',
  'jiceng.volunteering.service-day.held',
  // The record of the day is final: its figures no longer change.
  'jiceng.volunteering.service-day.signed-off',
  'jiceng.volunteering.service-day.cancelled',
] as const;
export type ServiceDayEventType = (typeof SERVICE_DAY_EVENT_TYPES)[number];

/**
 * Payload of `jiceng.volunteering.service-days.v1`: a 德邻有约 service day (the 5th of a month in a
 * grid or compound branch) moving through planned → held → signed off, or cancelled. Ids, the
 * date and the state only: the day's figures are read from the volunteering subgraph. Each
 * volunteer's attendance is announced apart, at sign-off, as an approved check-in on
 * `jiceng.volunteering.checkins.v1` (taskId = the service day id), which the credit ledger scores
 * like a task's.
 */
export interface ServiceDayV1 {
  serviceDayId: string;
  /** The grid (网格) or compound (小区) branch that holds the day. */
  branchId: string;
  /** The community (社区) or village above the branch, when the tree has one. */
  communityId: string | null;
  /** YYYY-MM-DD, Asia/Shanghai: always the 5th of a month. */
  date: string;
  state: 'PLANNED' | 'HELD' | 'SIGNED_OFF' | 'CANCELLED';
  occurredAt: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableId = {
  type: 'string',
  pattern: OBJECT_ID,
  nullable: true,
} as unknown as JSONSchemaType<string>;

export const serviceDayV1Schema: JSONSchemaType<ServiceDayV1> = {
  $id: 'urn:jiceng:schema:volunteering.service-days.v1',
  type: 'object',
  additionalProperties: false,
  required: ['serviceDayId', 'branchId', 'communityId', 'date', 'state', 'occurredAt'],
  properties: {
    serviceDayId: { type: 'string', pattern: OBJECT_ID },
    branchId: { type: 'string', pattern: OBJECT_ID },
    communityId: nullableId,
    date: { type: 'string', pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])-05$' },
    state: { type: 'string', enum: ['PLANNED', 'HELD', 'SIGNED_OFF', 'CANCELLED'] },
    occurredAt: { type: 'string', format: 'date-time' },
  },
};

export const serviceDayV1: EventContract<ServiceDayV1> = {
  topic: Topics.volunteeringServiceDays,
  source: '/jiceng/volunteering',
  types: SERVICE_DAY_EVENT_TYPES,
  dataschema: serviceDayV1Schema.$id as string,
  schema: serviceDayV1Schema,
};
