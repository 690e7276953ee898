import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const PAIRING_EVENT_TYPES = [
  'jiceng.organizations.pairing.created',
  'jiceng.organizations.pairing.updated',
  'jiceng.organizations.pairing.joint-project-changed',
  'jiceng.organizations.pairing.ended',
] as const;
export type PairingEventType = (typeof PAIRING_EVENT_TYPES)[number];

export const PAIRING_KINDS_V1 = [
  'VILLAGE_ENTERPRISE',
  'COMMUNITY_ENTERPRISE',
  'GOVERNMENT_ENTERPRISE',
  'SOE',
  'COMMUNITY_UNIT',
  'CROSS_PROVINCE',
] as const;
export const JOINT_PROJECT_STATUSES_V1 = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
] as const;

/**
 * Payload of `jiceng.organizations.pairings.v1`: a pairing (党建联建) agreement's state after the
 * change, with ids and counts only (item texts stay in the graph).
 */
export interface PairingEventV1 {
  pairingId: string;
  /** Increases by one with every change of the pairing; consumers may drop older versions. */
  version: number;
  kind: (typeof PAIRING_KINDS_V1)[number];
  status: 'ACTIVE' | 'ENDED';
  /** Every party organization, the lead party first. */
  partyIds: string[];
  resourceCount: number;
  needCount: number;
  jointProjects: {
    jointProjectId: string;
    status: (typeof JOINT_PROJECT_STATUSES_V1)[number];
    /**
     * RFC 3339 instant of the status's change as recorded (it may be dated back): a completion's
     * bonus belongs to the quarter the project was completed in. Absent in events before it.
     */
    statusSince?: string;
  }[];
  /** RFC 3339 instant, set once the pairing has ended. */
  endedAt: string | null;
  changedFields: string[];
}

const OBJECT_ID = '^[0-9a-f]{24}$';

export const pairingEventV1Schema: JSONSchemaType<PairingEventV1> = {
  $id: 'urn:jiceng:schema:organizations.pairings.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'pairingId',
    'version',
    'kind',
    'status',
    'partyIds',
    'resourceCount',
    'needCount',
    'jointProjects',
    'endedAt',
    'changedFields',
  ],
  properties: {
    pairingId: { type: 'string', pattern: OBJECT_ID },
    version: { type: 'integer', minimum: 1 },
    kind: { type: 'string', enum: PAIRING_KINDS_V1 },
    status: { type: 'string', enum: ['ACTIVE', 'ENDED'] },
    partyIds: { type: 'array', minItems: 2, items: { type: 'string', pattern: OBJECT_ID } },
    resourceCount: { type: 'integer', minimum: 0 },
    needCount: { type: 'integer', minimum: 0 },
    jointProjects: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['jointProjectId', 'status'],
        properties: {
          jointProjectId: { type: 'string', pattern: OBJECT_ID },
          status: { type: 'string', enum: JOINT_PROJECT_STATUSES_V1 },
          statusSince: { type: 'string', format: 'date-time', nullable: true },
        },
      },
    },
    // ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
    endedAt: {
      type: 'string',
      format: 'date-time',
      nullable: true,
    } as unknown as JSONSchemaType<string>,
    changedFields: { type: 'array', items: { type: 'string' } },
  },
};

export const pairingEventsV1: EventContract<PairingEventV1> = {
  topic: Topics.organizationsPairings,
  source: '/jiceng/organizations',
  types: PAIRING_EVENT_TYPES,
  dataschema: pairingEventV1Schema.$id as string,
  schema: pairingEventV1Schema,
};
