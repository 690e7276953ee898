import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const WHISTLE_EVENT_TYPES = [
  // 哨声形成: a village or community raised a problem to its township.
  'jiceng.volunteering.whistle.raised',
  // 镇级研判: the township resolved it itself.
  'jiceng.volunteering.whistle.resolved',
  // 吹哨: the township whistled one or more departments.
  'jiceng.volunteering.whistle.whistled',
  // 部门报到: a department accepted, acted on or answered its report.
  'jiceng.volunteering.whistle.report-accepted',
  'jiceng.volunteering.whistle.report-acted',
  'jiceng.volunteering.whistle.report-answered',
  // 反馈评价: the village evaluated the outcome.
  'jiceng.volunteering.whistle.evaluated',
] as const;
export type WhistleEventType = (typeof WHISTLE_EVENT_TYPES)[number];

/**
 * Payload of `jiceng.volunteering.whistles.v1`: one step of a problem through 吹哨报到. Ids only:
 * what the problem is and how it was answered is read from the volunteering subgraph.
 */
export interface WhistleStepV1 {
  whistleId: string;
  /** The village or community (村/社区) that raised it. */
  requesterId: string;
  /** Its township or street (乡镇/街道), which judges and whistles. */
  townshipId: string;
  /** The district or county whose departments may be whistled. */
  countyId: string;
  /** The department whose report the step is; null for the problem's own steps. */
  departmentId: string | null;
  /** The departments whistled so far (empty before 吹哨). */
  departmentIds: string[];
  /** When the step happened (the whistle may be dated when it was decided). */
  at: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const id = { type: 'string', pattern: OBJECT_ID } as const;
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableId = { ...id, nullable: true } as unknown as JSONSchemaType<string>;

export const whistleStepV1Schema: JSONSchemaType<WhistleStepV1> = {
  $id: 'urn:jiceng:schema:volunteering.whistles.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'whistleId',
    'requesterId',
    'townshipId',
    'countyId',
    'departmentId',
    'departmentIds',
    'at',
  ],
  properties: {
    whistleId: id,
    requesterId: id,
    townshipId: id,
    countyId: id,
    departmentId: nullableId,
    departmentIds: { type: 'array', items: id, maxItems: 20 },
    at: { type: 'string', format: 'date-time' },
  },
};

export const whistleStepV1: EventContract<WhistleStepV1> = {
  topic: Topics.volunteeringWhistles,
  source: '/jiceng/volunteering',
  types: WHISTLE_EVENT_TYPES,
  dataschema: whistleStepV1Schema.$id as string,
  schema: whistleStepV1Schema,
};
