import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const ORGANIZATION_EVENT_TYPES = [
  'jiceng.organizations.organization.created',
  'jiceng.organizations.organization.updated',
  'jiceng.organizations.organization.moved',
  'jiceng.organizations.organization.dissolved',
] as const;
export type OrganizationEventType = (typeof ORGANIZATION_EVENT_TYPES)[number];

/** Payload of `jiceng.organizations.lifecycle.v1`: the node's state after the change. */
export interface OrganizationLifecycleV1 {
  organizationId: string;
  /** Increases by one with every change of the organization; consumers may drop older versions. */
  version: number;
  name: string;
  kind: string;
  sector: string;
  regionCode: string;
  status: 'ACTIVE' | 'DISSOLVED';
  parentId: string | null;
  /** Root first. */
  ancestorIds: string[];
  changedFields: string[];
}

const OBJECT_ID = '^[0-9a-f]{24}$';

export const organizationLifecycleV1Schema: JSONSchemaType<OrganizationLifecycleV1> = {
  $id: 'urn:jiceng:schema:organizations.lifecycle.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'organizationId',
    'version',
    'name',
    'kind',
    'sector',
    'regionCode',
    'status',
    'parentId',
    'ancestorIds',
    'changedFields',
  ],
  properties: {
    organizationId: { type: 'string', pattern: OBJECT_ID },
    version: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1 },
    kind: { type: 'string', minLength: 1 },
    sector: { type: 'string', minLength: 1 },
    regionCode: { type: 'string', pattern: '^[0-9]{6}$' },
    status: { type: 'string', enum: ['ACTIVE', 'DISSOLVED'] },
    // ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
    parentId: {
      type: 'string',
      pattern: OBJECT_ID,
      nullable: true,
    } as unknown as JSONSchemaType<string>,
    ancestorIds: { type: 'array', items: { type: 'string', pattern: OBJECT_ID } },
    changedFields: { type: 'array', items: { type: 'string' } },
  },
};

export const organizationLifecycleV1: EventContract<OrganizationLifecycleV1> = {
  topic: Topics.organizationsLifecycle,
  source: '/jiceng/organizations',
  types: ORGANIZATION_EVENT_TYPES,
  dataschema: organizationLifecycleV1Schema.$id as string,
  schema: organizationLifecycleV1Schema,
};
