import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const SERVICE_REQUEST_EVENT_TYPES = [
  // 采集上报: reported in a community, or opened from a 党员联系户 visit (source set).
  'jiceng.volunteering.service-request.reported',
  // 审查受理 / 不予受理
  'jiceng.volunteering.service-request.accepted',
  'jiceng.volunteering.service-request.declined',
  // 处理反馈
  'jiceng.volunteering.service-request.responded',
  // 核查结案: the request's problem is solved.
  'jiceng.volunteering.service-request.closed',
  // 考核评价
  'jiceng.volunteering.service-request.evaluated',
] as const;
export type ServiceRequestEventType = (typeof SERVICE_REQUEST_EVENT_TYPES)[number];

/** The 党员联系户 visit a request was opened from, as members' household-visit event named it. */
export interface ServiceRequestSourceV1 {
  visitId: string;
  /** `<gridId>:<id>`, as the members subgraph names households. */
  householdId: string;
  gridId: string;
  memberId: string;
}

/**
 * Payload of `jiceng.volunteering.service-requests.v1`: one step of a 群众诉求 through the five-step
 * loop, keyed by request id. Ids only: what was asked and answered is read from the volunteering
 * subgraph. A request opened from a household visit carries its `source`, so the members
 * subgraph can count the visit's problem solved when the request is closed.
 */
export interface ServiceRequestStepV1 {
  requestId: string;
  /** The community (社区/村) the request belongs to. */
  communityId: string;
  /** When the step happened (a report or an acceptance may be dated before its entry). */
  at: string;
  source: ServiceRequestSourceV1 | null;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const id = { type: 'string', pattern: OBJECT_ID } as const;

export const serviceRequestStepV1Schema: JSONSchemaType<ServiceRequestStepV1> = {
  $id: 'urn:jiceng:schema:volunteering.service-requests.v1',
  type: 'object',
  additionalProperties: false,
  required: ['requestId', 'communityId', 'at', 'source'],
  properties: {
    requestId: id,
    communityId: id,
    at: { type: 'string', format: 'date-time' },
    source: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['visitId', 'householdId', 'gridId', 'memberId'],
      properties: {
        visitId: id,
        householdId: { type: 'string', pattern: '^[0-9a-f]{24}:[0-9a-f]{24}$' },
        gridId: id,
        memberId: id,
      },
      // ajv's typings reject `nullable` on a required `object | null`; the runtime check is right.
    } as unknown as JSONSchemaType<ServiceRequestSourceV1>,
  },
};

export const serviceRequestStepV1: EventContract<ServiceRequestStepV1> = {
  topic: Topics.volunteeringServiceRequests,
  source: '/jiceng/volunteering',
  types: SERVICE_REQUEST_EVENT_TYPES,
  dataschema: serviceRequestStepV1Schema.$id as string,
  schema: serviceRequestStepV1Schema,
};
