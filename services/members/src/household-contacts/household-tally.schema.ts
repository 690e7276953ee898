import { Schema, type Types } from 'mongoose';
import type { HouseholdProblemCategory } from './household-contacts.enums';

// Read models of household contacts, kept from the visits and rosters (after each write, and by
// the service's consumer of its own topic). Both are read by `_id` only, composed from their
// keys, so a subtree's month is a batch of `_id: { $in }` reads and never a scan of visits.

export const HOUSEHOLD_GRID_MONTH_MODEL = 'HouseholdGridMonth';
export const HOUSEHOLD_CONTACT_MEMBER_MODEL = 'HouseholdContactMember';

export interface VisitTallyEntry {
  householdId: string;
  memberId: string;
  visitedOn: string;
  onTime: boolean;
  /** The problem's category when the visit found one. */
  problem: HouseholdProblemCategory | null;
  solved: boolean;
  /** The visit's version the entry was taken from. */
  version: number;
}

/** A grid's month of visits: `_id` is `<gridId>|<YYYY-MM>`. */
export interface HouseholdGridMonth {
  _id: string;
  organizationId: Types.ObjectId;
  month: string;
  /** By visit id. */
  visits: Record<string, VisitTallyEntry>;
}

/**
 * The grids a member has ever held households in (`_id` is the member's id): where its duty is
 * read from. Entries are only added, so applying one twice changes nothing.
 */
export interface HouseholdContactMember {
  _id: string;
  grids: Record<string, true>;
}

export const gridMonthId = (gridId: Types.ObjectId | string, month: string) =>
  `${String(gridId)}|${month}`;

export const householdGridMonthSchema = new Schema<HouseholdGridMonth>(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    month: { type: String, required: true },
    visits: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'household_grid_months', versionKey: false, minimize: false },
);

export const householdContactMemberSchema = new Schema<HouseholdContactMember>(
  {
    _id: { type: String, required: true },
    grids: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'household_contact_members', versionKey: false, minimize: false },
);
