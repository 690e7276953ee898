import type { JSONSchemaType } from 'ajv';
import type { EventContract } from '../envelope';
import { Topics } from '../topics';

export const ORGANIZATIONAL_LIFE_EVENT_TYPES = [
  // A meeting with every attendance fact, at version 1 each.
  'jiceng.members.meeting.recorded',
  // One attendance fact corrected after the fact: consumers reverse what the previous version
  // earned and apply the new one.
  'jiceng.members.attendance.corrected',
  // A member's annual appraisal (民主评议党员) recorded, or changed (version > 1).
  'jiceng.members.appraisal.recorded',
] as const;
export type OrganizationalLifeEventType = (typeof ORGANIZATIONAL_LIFE_EVENT_TYPES)[number];

export const MEETING_KINDS_V1 = [
  'BRANCH_GENERAL_MEETING',
  'BRANCH_COMMITTEE_MEETING',
  'PARTY_GROUP_MEETING',
  'PARTY_LECTURE',
  'THEME_PARTY_DAY',
  'ORGANIZATIONAL_LIFE_MEETING',
] as const;
/**
 * The kinds' labels: members shows meetings by them and credit its points per kind, both in
 * their SDL's `MeetingKind`, so the one copy lives beside the codes (as organization kinds do).
 * 三会一课 (the first four), 主题党日 and 组织生活会.
 */
export const MEETING_KIND_LABELS = {
  BRANCH_GENERAL_MEETING: '支部党员大会',
  BRANCH_COMMITTEE_MEETING: '支部委员会',
  PARTY_GROUP_MEETING: '党小组会',
  PARTY_LECTURE: '党课',
  THEME_PARTY_DAY: '主题党日',
  ORGANIZATIONAL_LIFE_MEETING: '组织生活会',
} as const satisfies Record<(typeof MEETING_KINDS_V1)[number], string>;
export const ATTENDANCE_STATUSES_V1 = ['PRESENT', 'ON_LEAVE', 'ABSENT'] as const;
export const APPRAISAL_GRADES_V1 = ['GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR'] as const;

export type AttendanceStatusV1 = (typeof ATTENDANCE_STATUSES_V1)[number];

/**
 * One member's attendance of one meeting. `attendanceId` is stable across corrections and
 * `version` increases by one with each: a consumer counts each (attendanceId, version) once, and
 * on a version > 1 reverses what `previousStatus` earned. No reason texts, no names.
 */
export interface AttendanceFactV1 {
  attendanceId: string;
  version: number;
  memberId: string;
  /** The branch holding the member's membership; differs from the meeting's for a floating member. */
  homeOrganizationId: string;
  /** Attended as a floating member (流动党员) of the meeting's project branch. */
  floating: boolean;
  status: AttendanceStatusV1;
  /** The status this version replaces; null at version 1. */
  previousStatus: AttendanceStatusV1 | null;
}

export interface MeetingRefV1 {
  meetingId: string;
  /** The meeting's own version (each correction adds one). */
  version: number;
  /** The branch that held the meeting. */
  organizationId: string;
  kind: (typeof MEETING_KINDS_V1)[number];
  /** The Shanghai calendar day it was held, YYYY-MM-DD: the period of a ledger entry. */
  heldOn: string;
}

export interface AppraisalV1 {
  memberId: string;
  /** The branch holding the membership when the grade was recorded. */
  organizationId: string;
  year: number;
  version: number;
  grade: (typeof APPRAISAL_GRADES_V1)[number];
  previousGrade: (typeof APPRAISAL_GRADES_V1)[number] | null;
  /** The day of the organization's decision, YYYY-MM-DD. */
  decidedOn: string;
}

/**
 * Payload of `jiceng.members.organizational-life.v1`. Meeting events carry `meeting` and
 * `attendance` (keyed by meeting id, so a correction follows its recording); appraisal events
 * carry `appraisal` (keyed by member id).
 */
export interface OrganizationalLifeV1 {
  meeting?: MeetingRefV1;
  attendance?: AttendanceFactV1[];
  appraisal?: AppraisalV1;
  /** When the change was recorded. */
  recordedAt: string;
}

const OBJECT_ID = '^[0-9a-f]{24}$';
const objectId = { type: 'string', pattern: OBJECT_ID } as const;
const day = { type: 'string', format: 'date' } as const;
// ajv's typings reject `nullable` on a required `string | null`; the runtime check is right.
const nullableEnum = <T extends string>(values: readonly T[]) =>
  ({ type: 'string', enum: [...values, null], nullable: true }) as unknown as JSONSchemaType<T>;

const attendanceSchema: JSONSchemaType<AttendanceFactV1> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'attendanceId',
    'version',
    'memberId',
    'homeOrganizationId',
    'floating',
    'status',
    'previousStatus',
  ],
  properties: {
    attendanceId: objectId,
    version: { type: 'integer', minimum: 1 },
    memberId: objectId,
    homeOrganizationId: objectId,
    floating: { type: 'boolean' },
    status: { type: 'string', enum: ATTENDANCE_STATUSES_V1 },
    previousStatus: nullableEnum(ATTENDANCE_STATUSES_V1),
  },
};

const payloadSchema: JSONSchemaType<OrganizationalLifeV1> = {
  $id: 'urn:jiceng:schema:members.organizational-life.v1',
  type: 'object',
  additionalProperties: false,
  required: ['recordedAt'],
  properties: {
    meeting: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['meetingId', 'version', 'organizationId', 'kind', 'heldOn'],
      properties: {
        meetingId: objectId,
        version: { type: 'integer', minimum: 1 },
        organizationId: objectId,
        kind: { type: 'string', enum: MEETING_KINDS_V1 },
        heldOn: day,
      },
    },
    attendance: { type: 'array', nullable: true, items: attendanceSchema },
    appraisal: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [
        'memberId',
        'organizationId',
        'year',
        'version',
        'grade',
        'previousGrade',
        'decidedOn',
      ],
      properties: {
        memberId: objectId,
        organizationId: objectId,
        year: { type: 'integer', minimum: 2000, maximum: 2099 },
        version: { type: 'integer', minimum: 1 },
        grade: { type: 'string', enum: APPRAISAL_GRADES_V1 },
        previousGrade: nullableEnum(APPRAISAL_GRADES_V1),
        decidedOn: day,
      },
    },
    recordedAt: { type: 'string', format: 'date-time' },
  },
};

// Exactly one aggregate per event: a meeting with its attendance, or an appraisal (ajv's typings
// have no room for oneOf next to optional properties, hence the cast).
export const organizationalLifeV1Schema = {
  ...payloadSchema,
  oneOf: [
    {
      type: 'object',
      required: ['meeting', 'attendance'],
      properties: { meeting: { type: 'object' }, attendance: { type: 'array' } },
    },
    { type: 'object', required: ['appraisal'], properties: { appraisal: { type: 'object' } } },
  ],
} as JSONSchemaType<OrganizationalLifeV1>;

export const organizationalLifeV1: EventContract<OrganizationalLifeV1> = {
  topic: Topics.membersOrganizationalLife,
  source: '/jiceng/members',
  types: ORGANIZATIONAL_LIFE_EVENT_TYPES,
  dataschema: organizationalLifeV1Schema.$id as string,
  schema: organizationalLifeV1Schema,
};
