import { Schema, type Types } from 'mongoose';
import type { GeoPoint } from '@jiceng/geo';
import type { ClaimantKind } from '../claim/claim.enums';
import { TASK_AUDIENCES, TASK_CATEGORIES, TASK_STATUSES } from './task.enums';
import type { TaskAudience, TaskCategory, TaskStatus } from './task.enums';

export const TASK_MODEL = 'VolunteerTask';

/** An active claim holding one of the task's slots. */
export interface SlotHolder {
  /** `MEMBER:<id>` or `ORGANIZATION:<id>`: one active claim per claimant and task. */
  key: string;
  claimId: Types.ObjectId;
  at: Date;
}

export interface VolunteerTask {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  title: string;
  description?: string | null;
  category: TaskCategory;
  audience: TaskAudience;
  slots: number;
  /**
   * Slots not held by an active claim. Claims take a slot with one conditional update
   * (`remainingSlots > 0` and the claimant not among the holders), so concurrent claims can
   * never over-book.
   */
  remainingSlots: number;
  holders: SlotHolder[];
  place: GeoPoint;
  address?: string | null;
  radiusMeters: number;
  startsAt: Date;
  endsAt: Date;
  points: number;
  status: TaskStatus;
  cancelledAt?: Date | null;
  cancelReason?: string | null;
  publishedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const slotHolderSchema = new Schema<SlotHolder>(
  {
    key: { type: String, required: true },
    claimId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

export const taskSchema = new Schema<VolunteerTask>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    description: String,
    category: { type: String, enum: TASK_CATEGORIES, required: true },
    audience: { type: String, enum: TASK_AUDIENCES, required: true },
    slots: { type: Number, required: true },
    remainingSlots: { type: Number, required: true },
    holders: { type: [slotHolderSchema], default: [] },
    place: {
      type: { type: String, enum: ['Point'], required: true },
      coordinates: { type: [Number], required: true },
    },
    address: String,
    radiusMeters: { type: Number, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    points: { type: Number, required: true },
    status: { type: String, enum: TASK_STATUSES, required: true },
    cancelledAt: Date,
    cancelReason: String,
    publishedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'volunteer_tasks', versionKey: false },
);
// Lists are paged in _id order; each index ends in _id.
taskSchema.index({ communityId: 1, _id: 1 }); // Organization.tasks
taskSchema.index({ status: 1, audience: 1, endsAt: 1 }); // claimable tasks
// For "tasks near me" on a real MongoDB; geofence checks themselves are computed in code.
taskSchema.index({ place: '2dsphere' });

/** Task reads never need the holders (ids of claimants). */
export const TASK_PROJECTION = { holders: 0 } as const;

export const holderKey = (kind: ClaimantKind, id: string) => `${kind}:${id}`;
