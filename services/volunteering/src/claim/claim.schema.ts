import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import type { Evidence } from '../check-in/evidence';
import type { TaskCategory } from '../task/task.enums';
import type { GeoPoint } from '@jiceng/geo';
import { CLAIM_STEPS, type ClaimState } from './claim-steps';
import { CLAIMANT_KINDS, type ClaimantKind, type ReviewDecision } from './claim.enums';

export const CLAIM_MODEL = 'Claim';

/** A check-in or check-out with the evidence that passed. */
export interface AttendanceRecord {
  at: Date;
  evidence: Evidence[];
  /** The volunteer's reported position, when one was given. */
  position?: GeoPoint | null;
  /** `sub` of the caller who recorded it: the volunteer, or the organizer for MANUAL. */
  recordedBy: string;
}

export interface ClaimReview {
  decision: ReviewDecision;
  reason?: string | null;
  reviewedBy: string;
  reviewedAt: Date;
}

export interface ClaimRevocation {
  reason: string;
  revokedBy: string;
  revokedAt: Date;
}

/** What the claim needs of its task after claiming, copied so reviews read one document. */
export interface TaskSnapshot {
  category: TaskCategory;
  points: number;
  startsAt: Date;
  endsAt: Date;
}

/** 认领: one member or one organization taking one slot of a task, up to its review. */
export interface Claim {
  _id: Types.ObjectId;
  taskId: Types.ObjectId;
  communityId: Types.ObjectId;
  claimantKind: ClaimantKind;
  memberId: Types.ObjectId | null;
  organizationId: Types.ObjectId | null;
  claimedBy: string;
  state: ClaimState;
  claimedAt: Date;
  withdrawnAt?: Date | null;
  task: TaskSnapshot;
  checkIn?: AttendanceRecord | null;
  checkOut?: AttendanceRecord | null;
  durationMinutes?: number | null;
  review?: ClaimReview | null;
  revocation?: ClaimRevocation | null;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const evidenceSchema = new Schema<Evidence>(
  {
    kind: { type: String, required: true },
    detail: { type: String, required: true },
    distanceMeters: Number,
    tokenExpiresAt: Date,
  },
  { _id: false },
);

const pointSchema = new Schema<GeoPoint>(
  {
    type: { type: String, enum: ['Point'], required: true },
    coordinates: { type: [Number], required: true },
  },
  { _id: false },
);

const attendanceSchema = new Schema<AttendanceRecord>(
  {
    at: { type: Date, required: true },
    evidence: { type: [evidenceSchema], required: true },
    position: { type: pointSchema, default: null },
    recordedBy: { type: String, required: true },
  },
  { _id: false },
);

export const claimSchema = new Schema<Claim>(
  {
    taskId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    claimantKind: { type: String, enum: CLAIMANT_KINDS, required: true },
    memberId: { type: Schema.Types.ObjectId, default: null },
    organizationId: { type: Schema.Types.ObjectId, default: null },
    claimedBy: { type: String, required: true },
    state: { type: String, enum: CLAIM_STEPS.states, required: true },
    claimedAt: { type: Date, required: true },
    withdrawnAt: Date,
    task: {
      category: { type: String, required: true },
      points: { type: Number, required: true },
      startsAt: { type: Date, required: true },
      endsAt: { type: Date, required: true },
    },
    checkIn: { type: attendanceSchema, default: null },
    checkOut: { type: attendanceSchema, default: null },
    durationMinutes: Number,
    review: {
      type: new Schema<ClaimReview>(
        {
          decision: { type: String, required: true },
          reason: String,
          reviewedBy: { type: String, required: true },
          reviewedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    revocation: {
      type: new Schema<ClaimRevocation>(
        {
          reason: { type: String, required: true },
          revokedBy: { type: String, required: true },
          revokedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'claims', versionKey: false },
);
withOutbox(claimSchema);

claimSchema.index({ taskId: 1, _id: 1 }); // VolunteerTask.claims
claimSchema.index({ memberId: 1, _id: 1 }); // Member.claims
claimSchema.index({ memberId: 1, state: 1, 'checkIn.at': 1 }); // Member.volunteerHours
claimSchema.index({ organizationId: 1, _id: 1 }); // an organization's own claims
claimSchema.index({ communityId: 1, state: 1, _id: 1 }); // review queues

/** Reads never need the outbox. */
export const CLAIM_PROJECTION = { outbox: 0 } as const;
