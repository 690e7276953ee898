import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const CHECKIN_EVENT_TYPES = [
  'jiceng.volunteering.checkin.approved',
  // A correction of an approval: consumers reverse what the approval earned.
  'jiceng.volunteering.checkin.approval-revoked',
] as const;
export type CheckInEventType = (typeof CHECKIN_EVENT_TYPES)[number];

/**
 * Payload of `jiceng.volunteering.checkins.v1`: one reviewed claim (认领) of a volunteer task,
 * from check-in to check-out. Ids only: who the member is, and which branch or unit earns with
 * them, is for the consumer to know from the members and organizations topics. A volunteer's
 * attendance at a 德邻有约 service day is announced the same way when the day is signed off:
 * `claimId` is the attendance's id, `taskId` the service day's, `taskCategory` SERVICE_DAY.
 */
export interface CheckInReviewedV1 {
  claimId: string;
  taskId: string;
  /** The community (社区) that published the task and reviewed the claim. */
  communityId: string;
  claimantKind: 'MEMBER' | 'ORGANIZATION';
  memberId: string | null;
  /** Set when an organization claimed the task. */
  organizationId: string | null;
  taskCategory: string;
  /** Points the task offers per completed claim. */
  taskPoints: number;
  /** check-out − check-in, capped by the task. */
  durationMinutes: number;
  checkedInAt: string;
  checkedOutAt: string;
  /** When the review happened; the period (Asia/Shanghai) of a ledger entry derives from it. */
  reviewedAt: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const instant = { type: 'string', format: 'date-time' } as const;
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableId = {
  type: 'string',
  pattern: OBJECT_ID,
  nullable: true,
} as unknown as JSONSchemaType<string>;

export const checkInReviewedV1Schema: JSONSchemaType<CheckInReviewedV1> = {
  $id: 'urn:jiceng:schema:volunteering.checkins.v1',
  type: 'object',
  additionalProperties: false,
  required: [
    'claimId',
    'taskId',
    'communityId',
    'claimantKind',
    'memberId',
    'organizationId',
    'taskCategory',
    'taskPoints',
    'durationMinutes',
    'checkedInAt',
    'checkedOutAt',
    'reviewedAt',
  ],
  properties: {
    claimId: { type: 'string', pattern: OBJECT_ID },
    taskId: { type: 'string', pattern: OBJECT_ID },
    communityId: { type: 'string', pattern: OBJECT_ID },
    claimantKind: { type: 'string', enum: ['MEMBER', 'ORGANIZATION'] },
    memberId: nullableId,
    organizationId: nullableId,
    taskCategory: { type: 'string', minLength: 1 },
    taskPoints: { type: 'integer', minimum: 0 },
    durationMinutes: { type: 'integer', minimum: 0 },
    checkedInAt: instant,
    checkedOutAt: instant,
    reviewedAt: instant,
  },
};

export const checkInReviewedV1: EventContract<CheckInReviewedV1> = {
  topic: Topics.volunteeringCheckins,
  source: '/jiceng/volunteering',
  types: CHECKIN_EVENT_TYPES,
  dataschema: checkInReviewedV1Schema.$id as string,
  schema: checkInReviewedV1Schema,
};
