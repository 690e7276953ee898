import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const HOUSEHOLD_CONTACT_EVENT_TYPES = [
  // A household (联系户) registered in a grid, assigned to a member or not yet.
  'jiceng.members.household.registered',
  // A household assigned to a member, first or instead of another (previousMemberId).
  'jiceng.members.household.assigned',
  // A member's visit (走访) of a household, with the problem found if any.
  'jiceng.members.household-visit.recorded',
  // The problem a visit found marked solved (version 2 of the visit).
  'jiceng.members.household-problem.resolved',
] as const;
export type HouseholdContactEventType = (typeof HOUSEHOLD_CONTACT_EVENT_TYPES)[number];

/** What a visit served: the six duties of 党员联系户 (卢龙县). */
export const HOUSEHOLD_CONTACT_DUTIES_V1 = [
  'POLICY_PUBLICITY',
  'PROSPERITY_IDEAS',
  'DISPUTE_MEDIATION',
  'HARDSHIP_HELP',
  'CIVILITY',
  'OTHER',
] as const;

/**
 * What kind of problem a visit found: the volunteering subgraph maps it to a service request's
 * category when it opens one from the event.
 */
export const HOUSEHOLD_PROBLEM_CATEGORIES_V1 = [
  'INFRASTRUCTURE',
  'ENVIRONMENT',
  'DISPUTE',
  'HARDSHIP',
  'POLICY',
  'SAFETY',
  'OTHER',
] as const;
export type HouseholdProblemCategoryV1 = (typeof HOUSEHOLD_PROBLEM_CATEGORIES_V1)[number];

/**
 * The categories' Chinese names, one list for the members subgraph (its SDL labels) and for
 * volunteering (the title of the service request it opens, e.g. 走访发现：矛盾纠纷).
 */
export const HOUSEHOLD_PROBLEM_CATEGORY_LABELS_V1 = {
  INFRASTRUCTURE: '基础设施',
  ENVIRONMENT: '环境卫生',
  DISPUTE: '矛盾纠纷',
  HARDSHIP: '生活困难',
  POLICY: '政策咨询',
  SAFETY: '安全隐患',
  OTHER: '其他',
} as const satisfies Record<HouseholdProblemCategoryV1, string>;

/**
 * A household's assignment. `householdId` is `<gridId>:<id>` (households live in their grid's
 * roster). No address, no phone: a consumer that needs them asks the members subgraph.
 */
export interface HouseholdRefV1 {
  householdId: string;
  /** The grid organization (网格 or 党小组) the household belongs to. */
  gridId: string;
  /** The grid roster's version after the change: a consumer keeps the highest it saw. */
  version: number;
  memberId: string | null;
  previousMemberId: string | null;
  /** The Shanghai day the assignment takes effect, YYYY-MM-DD; null while unassigned. */
  assignedOn: string | null;
}

export interface HouseholdProblemV1 {
  category: HouseholdProblemCategoryV1;
  solved: boolean;
}

/**
 * A visit. A visit with a problem is what the volunteering subgraph would open a service request
 * from (keyed by `visitId`, in `gridId`'s community); the problem's text stays in members.
 */
export interface HouseholdVisitV1 {
  visitId: string;
  /** 1 when recorded, 2 once its problem is solved. */
  version: number;
  householdId: string;
  gridId: string;
  memberId: string;
  /**
   * The member's branch (its membership's organization) when the visit was recorded, for the
   * credit ledger's branch share; absent in events recorded before the field.
   */
  branchId?: string;
  visitedOn: string;
  /** Visited by the 10th of its month (每月10日前走访). */
  onTime: boolean;
  duties: (typeof HOUSEHOLD_CONTACT_DUTIES_V1)[number][];
  problem: HouseholdProblemV1 | null;
}

/**
 * Payload of `jiceng.members.household-contacts.v1`, keyed by grid id: household events carry
 * `household`, visit events `visit`.
 */
export interface HouseholdContactsV1 {
  household?: HouseholdRefV1;
  visit?: HouseholdVisitV1;
  /** When the change was recorded. */
  recordedAt: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const objectId = { type: 'string', pattern: OBJECT_ID } as const;
const householdId = { type: 'string', pattern: '^[0-9a-f]{24}:[0-9a-f]{24}$' } as const;
const day = { type: 'string', format: 'date' } as const;
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableId = {
  type: 'string',
  pattern: OBJECT_ID,
  nullable: true,
} as unknown as JSONSchemaType<string>;
const nullableDay = {
  type: 'string',
  format: 'date',
  nullable: true,
} as unknown as JSONSchemaType<string>;

const payloadSchema: JSONSchemaType<HouseholdContactsV1> = {
  $id: 'urn:jiceng:schema:members.household-contacts.v1',
  type: 'object',
  additionalProperties: false,
  required: ['recordedAt'],
  properties: {
    household: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['householdId', 'gridId', 'version', 'memberId', 'previousMemberId', 'assignedOn'],
      properties: {
        householdId,
        gridId: objectId,
        version: { type: 'integer', minimum: 1 },
        memberId: nullableId,
        previousMemberId: nullableId,
        assignedOn: nullableDay,
      },
    },
    visit: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [
        'visitId',
        'version',
        'householdId',
        'gridId',
        'memberId',
        'visitedOn',
        'onTime',
        'duties',
        'problem',
      ],
      properties: {
        visitId: objectId,
        version: { type: 'integer', minimum: 1 },
        householdId,
        gridId: objectId,
        memberId: objectId,
        branchId: { ...objectId, nullable: true },
        visitedOn: day,
        onTime: { type: 'boolean' },
        duties: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', enum: HOUSEHOLD_CONTACT_DUTIES_V1 },
        },
        problem: {
          type: 'object',
          nullable: true,
          additionalProperties: false,
          required: ['category', 'solved'],
          properties: {
            category: { type: 'string', enum: HOUSEHOLD_PROBLEM_CATEGORIES_V1 },
            solved: { type: 'boolean' },
          },
        } as unknown as JSONSchemaType<HouseholdProblemV1>,
      },
    },
    recordedAt: { type: 'string', format: 'date-time' },
  },
};

// Exactly one aggregate per event (ajv's typings have no room for oneOf beside optional
// properties, hence the cast).
export const householdContactsV1Schema = {
  ...payloadSchema,
  oneOf: [
    { type: 'object', required: ['household'], properties: { household: { type: 'object' } } },
    { type: 'object', required: ['visit'], properties: { visit: { type: 'object' } } },
  ],
} as JSONSchemaType<HouseholdContactsV1>;

export const householdContactsV1: EventContract<HouseholdContactsV1> = {
  topic: Topics.membersHouseholdContacts,
  source: '/jiceng/members',
  types: HOUSEHOLD_CONTACT_EVENT_TYPES,
  dataschema: householdContactsV1Schema.$id as string,
  schema: householdContactsV1Schema,
};
