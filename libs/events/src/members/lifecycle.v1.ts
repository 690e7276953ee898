import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const MEMBER_EVENT_TYPES = [
  'jiceng.members.member.registered',
  'jiceng.members.member.updated',
  'jiceng.members.member.status-changed',
  'jiceng.members.member.left',
  'jiceng.members.member.floating-assigned',
  'jiceng.members.member.floating-ended',
  'jiceng.members.member.double-report-registered',
  'jiceng.members.member.double-report-ended',
  'jiceng.members.transfer.requested',
  'jiceng.members.transfer.accepted',
  'jiceng.members.transfer.rejected',
  'jiceng.members.unit.double-report-registered',
  'jiceng.members.unit.double-report-ended',
] as const;
export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number];

export const MEMBER_STATUSES_V1 = [
  'APPLICANT',
  'ACTIVIST',
  'CANDIDATE',
  'PROBATIONARY',
  'FULL',
  'LEFT',
] as const;

/** A member's state after the change: ids and statuses only, never name, ID number or phone. */
export interface MemberStateV1 {
  memberId: string;
  /** Increases by one with every change of the member; consumers may drop older versions. */
  version: number;
  /** The branch holding the membership (组织关系). */
  organizationId: string;
  status: (typeof MEMBER_STATUSES_V1)[number];
  inService: boolean;
  /** The unit's party organization of an in-service member (双报到), if any. */
  unitOrganizationId: string | null;
  /** The project branch a floating member is currently assigned to, if any. */
  projectBranchId: string | null;
  /** The community the member currently reports to (双报到), if any. */
  communityId: string | null;
}

/** A unit organization's registration with a community (单位双报到). */
export interface UnitDoubleReportV1 {
  reportId: string;
  version: number;
  unitOrganizationId: string;
  communityId: string;
  active: boolean;
}

export interface MemberTransferV1 {
  transferId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  state: 'PENDING' | 'ACCEPTED' | 'REJECTED';
}

/**
 * Payload of `jiceng.members.lifecycle.v1`. Member events carry `member` (keyed by member id),
 * unit double-report events carry `unitReport` (keyed by the unit organization id); transfer
 * events add `transfer`.
 */
export interface MemberLifecycleV1 {
  member?: MemberStateV1;
  unitReport?: UnitDoubleReportV1;
  transfer?: MemberTransferV1;
  previousStatus?: (typeof MEMBER_STATUSES_V1)[number];
  /** When the change took effect (the dated transition), as opposed to the event time. */
  effectiveAt: string;
  changedFields: string[];
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const objectId = { type: 'string', pattern: OBJECT_ID } as const;
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableObjectId = {
  type: 'string',
  pattern: OBJECT_ID,
  nullable: true,
} as unknown as JSONSchemaType<string>;

const memberStateSchema: JSONSchemaType<MemberStateV1> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'memberId',
    'version',
    'organizationId',
    'status',
    'inService',
    'unitOrganizationId',
    'projectBranchId',
    'communityId',
  ],
  properties: {
    memberId: objectId,
    version: { type: 'integer', minimum: 1 },
    organizationId: objectId,
    status: { type: 'string', enum: MEMBER_STATUSES_V1 },
    inService: { type: 'boolean' },
    unitOrganizationId: nullableObjectId,
    projectBranchId: nullableObjectId,
    communityId: nullableObjectId,
  },
};

const payloadSchema: JSONSchemaType<MemberLifecycleV1> = {
  $id: 'urn:jiceng:schema:members.lifecycle.v1',
  type: 'object',
  additionalProperties: false,
  required: ['effectiveAt', 'changedFields'],
  properties: {
    member: { ...memberStateSchema, nullable: true },
    unitReport: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['reportId', 'version', 'unitOrganizationId', 'communityId', 'active'],
      properties: {
        reportId: objectId,
        version: { type: 'integer', minimum: 1 },
        unitOrganizationId: objectId,
        communityId: objectId,
        active: { type: 'boolean' },
      },
    },
    transfer: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['transferId', 'fromOrganizationId', 'toOrganizationId', 'state'],
      properties: {
        transferId: objectId,
        fromOrganizationId: objectId,
        toOrganizationId: objectId,
        state: { type: 'string', enum: ['PENDING', 'ACCEPTED', 'REJECTED'] },
      },
    },
    previousStatus: { type: 'string', enum: MEMBER_STATUSES_V1, nullable: true },
    effectiveAt: { type: 'string', format: 'date-time' },
    changedFields: { type: 'array', items: { type: 'string' } },
  },
};

// Exactly one aggregate per event: a member or a unit registration (ajv's typings have no room
// for oneOf next to optional properties, hence the cast).
export const memberLifecycleV1Schema = {
  ...payloadSchema,
  oneOf: [
    { type: 'object', required: ['member'], properties: { member: { type: 'object' } } },
    { type: 'object', required: ['unitReport'], properties: { unitReport: { type: 'object' } } },
  ],
} as JSONSchemaType<MemberLifecycleV1>;

export const memberLifecycleV1: EventContract<MemberLifecycleV1> = {
  topic: Topics.membersLifecycle,
  source: '/jiceng/members',
  types: MEMBER_EVENT_TYPES,
  dataschema: memberLifecycleV1Schema.$id as string,
  schema: memberLifecycleV1Schema,
};
