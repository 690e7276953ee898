import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const PROJECT_EVENT_TYPES = [
  'jiceng.organizations.project.created',
  'jiceng.organizations.project.updated',
  'jiceng.organizations.project.branch-linked',
] as const;
export type ProjectEventType = (typeof PROJECT_EVENT_TYPES)[number];

export const PROJECT_STATUSES_V1 = ['PLANNED', 'UNDER_CONSTRUCTION', 'COMPLETED'] as const;

/** A firm on the project and the project branches (项目党支部) it stands behind. */
export interface ProjectFirmV1 {
  firmId: string;
  /** Unified social credit code (GB 32100-2015), the firm's identity for provincial credit systems. */
  creditCode: string;
  branchIds: string[];
}

/**
 * Payload of `jiceng.organizations.projects.v1`: the project's whole state after the change, so
 * a consumer keeps the branch → firm mapping by applying the newest version it has seen.
 */
export interface ProjectEventV1 {
  projectId: string;
  /** Increases by one with every change of the project; consumers may drop older versions. */
  version: number;
  name: string;
  regionCode: string;
  status: (typeof PROJECT_STATUSES_V1)[number];
  /** The project's joint committee (项目联合党委) in the organization tree. */
  jointCommitteeId: string;
  firms: ProjectFirmV1[];
  changedFields: string[];
}

const OBJECT_ID = '^[0-9a-f]{24}$';

export const projectEventV1Schema: JSONSchemaType<ProjectEventV1> = {
  $id: 'urn:jiceng:schema:organizations.projects.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'projectId',
    'version',
    'name',
    'regionCode',
    'status',
    'jointCommitteeId',
    'firms',
    'changedFields',
  ],
  properties: {
    projectId: { type: 'string', pattern: OBJECT_ID },
    version: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1 },
    regionCode: { type: 'string', pattern: '^[0-9]{6}$' },
    status: { type: 'string', enum: PROJECT_STATUSES_V1 },
    jointCommitteeId: { type: 'string', pattern: OBJECT_ID },
    firms: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['firmId', 'creditCode', 'branchIds'],
        properties: {
          firmId: { type: 'string', pattern: OBJECT_ID },
          creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
          branchIds: { type: 'array', items: { type: 'string', pattern: OBJECT_ID } },
        },
      },
    },
    changedFields: { type: 'array', items: { type: 'string' } },
  },
};

export const projectEventsV1: EventContract<ProjectEventV1> = {
  topic: Topics.organizationsProjects,
  source: '/jiceng/organizations',
  types: PROJECT_EVENT_TYPES,
  dataschema: projectEventV1Schema.$id as string,
  schema: projectEventV1Schema,
};
