import { Schema, type Types } from 'mongoose';
import {
  WORKER_KINDS,
  WORKER_PLATFORMS,
  type WorkerKind,
  type WorkerPlatform,
} from './worker.enums';

export const WORKER_MODEL = 'Worker';

/**
 * A worker's link to a party member: the member's id and the branch that holds the membership,
 * whose admins (and only they) see the link.
 */
export interface MemberLink {
  memberId: Types.ObjectId;
  branchId: Types.ObjectId;
  linkedBy: string;
  linkedAt: Date;
}

/** 新就业群体: a rider, courier or driver, known by a pseudonym; no name is stored. */
export interface Worker {
  _id: Types.ObjectId;
  pseudonym: string;
  kind: WorkerKind;
  platform: WorkerPlatform;
  /** The organization that registered the worker and looks after them (a station's operator). */
  organizationId: Types.ObjectId;
  /** The mobile branch (车轮支部, 网上支部, 邻里小哥支部) the worker belongs to. */
  mobileBranchId: Types.ObjectId | null;
  memberLink: MemberLink | null;
  registeredBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const workerSchema = new Schema<Worker>(
  {
    pseudonym: { type: String, required: true },
    kind: { type: String, enum: WORKER_KINDS, required: true },
    platform: { type: String, enum: WORKER_PLATFORMS, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    mobileBranchId: { type: Schema.Types.ObjectId, default: null },
    memberLink: {
      type: new Schema<MemberLink>(
        {
          memberId: { type: Schema.Types.ObjectId, required: true },
          branchId: { type: Schema.Types.ObjectId, required: true },
          linkedBy: { type: String, required: true },
          linkedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    registeredBy: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'workers', versionKey: false },
);
workerSchema.index({ pseudonym: 1 }, { unique: true });
workerSchema.index({ organizationId: 1, _id: 1 }); // workers of a subtree
workerSchema.index({ mobileBranchId: 1, _id: 1 }); // workers of a mobile branch
workerSchema.index({ 'memberLink.memberId': 1 }); // a member checking in from the phone
