import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { encryptedValueSchema } from '../personal-data/encrypted-value.schema';
import type { EncryptedValue } from '../personal-data/personal-data.cipher';
import {
  HOUSEHOLD_CONTACT_DUTIES,
  HOUSEHOLD_PROBLEM_CATEGORIES,
  type HouseholdContactDuty,
  type HouseholdProblemCategory,
} from './household-contacts.enums';

export const HOUSEHOLD_ROSTER_MODEL = 'HouseholdRoster';
export const HOUSEHOLD_VISIT_MODEL = 'HouseholdVisit';

/** One (re)assignment of a household: who made it, from whom to whom, effective which day. */
export interface AssignmentChange {
  from: Types.ObjectId | null;
  to: Types.ObjectId;
  /** The Shanghai day it takes effect, YYYY-MM-DD. */
  on: string;
  by: string;
  at: Date;
}

/** A household (联系户): an address label and an optional phone, never a name. */
export interface RosterHousehold {
  _id: Types.ObjectId;
  /** As the grid writes it: "3号楼2单元501". */
  address: string;
  /** Encrypted at rest like a member's phone (PersonalDataCipher, field `phone`). */
  phone?: EncryptedValue;
  memberId: Types.ObjectId | null;
  assignedOn: string | null;
  history: AssignmentChange[];
  registeredOn: string;
  createdAt: Date;
}

/**
 * A grid's households, one document per grid organization (`_id` is the grid's id). The roster is
 * one document so that registering and (re)assigning are single conditional writes: the
 * 15-households cap and the history are checked and written together, with the event.
 * A grid has a few hundred households, far below a document's limit.
 */
export interface HouseholdRoster {
  _id: Types.ObjectId;
  /** The grid's path including itself (scope checks). */
  organizationPath: Types.ObjectId[];
  households: RosterHousehold[];
  /** +1 per write; the guard of every write. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

export interface HouseholdProblem {
  description: string;
  category: HouseholdProblemCategory;
  solvedOn?: string;
  solution?: string;
  solvedBy?: string;
}

/** A member's visit (走访) of a household. */
export interface HouseholdVisit {
  _id: Types.ObjectId;
  gridId: Types.ObjectId;
  gridPath: Types.ObjectId[];
  /** `<gridId>:<household id>`. */
  householdId: string;
  /** The household's holder on the day of the visit. */
  memberId: Types.ObjectId;
  /**
   * The member's branch (membership organization) when the visit was recorded: the credit ledger
   * gives it its share. Absent in visits recorded before the field.
   */
  branchId?: Types.ObjectId;
  visitedOn: string;
  month: string;
  onTime: boolean;
  duties: HouseholdContactDuty[];
  note?: string;
  problem?: HouseholdProblem;
  recordedBy: string;
  /** 1 when recorded, 2 once its problem is solved. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const change = new Schema<AssignmentChange>(
  {
    from: { type: Schema.Types.ObjectId, default: null },
    to: { type: Schema.Types.ObjectId, required: true },
    on: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const household = new Schema<RosterHousehold>({
  address: { type: String, required: true },
  phone: encryptedValueSchema,
  memberId: { type: Schema.Types.ObjectId, default: null },
  assignedOn: { type: String, default: null },
  history: { type: [change], default: [] },
  registeredOn: { type: String, required: true },
  createdAt: { type: Date, required: true },
});

export const householdRosterSchema = new Schema<HouseholdRoster>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    organizationPath: { type: [Schema.Types.ObjectId], required: true },
    households: { type: [household], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'household_rosters', versionKey: false },
);
withOutbox(householdRosterSchema);
// Reads are by `_id` (the grid); MongoDB would want the subtree's rosters (a path rewrite) and a
// member's households (an audit) too.
householdRosterSchema.index({ organizationPath: 1 });
householdRosterSchema.index({ 'households.memberId': 1 });

const problem = new Schema<HouseholdProblem>(
  {
    description: { type: String, required: true },
    category: { type: String, enum: HOUSEHOLD_PROBLEM_CATEGORIES, required: true },
    solvedOn: String,
    solution: String,
    solvedBy: String,
  },
  { _id: false },
);

export const householdVisitSchema = new Schema<HouseholdVisit>(
  {
    gridId: { type: Schema.Types.ObjectId, required: true },
    gridPath: { type: [Schema.Types.ObjectId], required: true },
    householdId: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    branchId: Schema.Types.ObjectId,
    visitedOn: { type: String, required: true },
    month: { type: String, required: true },
    onTime: { type: Boolean, required: true },
    duties: { type: [String], enum: HOUSEHOLD_CONTACT_DUTIES, required: true },
    note: String,
    problem,
    recordedBy: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'household_visits', versionKey: false },
);
withOutbox(householdVisitSchema);
// Requests read visits by `_id` (the month tallies name them); these are for MongoDB itself: a
// grid's month (a rebuild of its tally) and a household's visits.
householdVisitSchema.index({ gridId: 1, month: 1, _id: 1 });
householdVisitSchema.index({ householdId: 1, visitedOn: -1 });

export const ROSTER_PROJECTION = { outbox: 0 } as const;
export const VISIT_PROJECTION = { outbox: 0 } as const;
export const ROSTER_PATH_FIELDS = ['organizationPath'] as const;
export const VISIT_PATH_FIELDS = ['gridPath'] as const;

/** A household's id as clients and events see it. */
export const householdKey = (gridId: Types.ObjectId | string, id: Types.ObjectId | string) =>
  `${String(gridId)}:${String(id)}`;

/** `<gridId>:<id>` back into its parts, or null when it cannot be one. */
export function parseHouseholdKey(key: string): { gridId: string; id: string } | null {
  const match = /^([0-9a-f]{24}):([0-9a-f]{24})$/.exec(key);
  return match ? { gridId: match[1], id: match[2] } : null;
}
