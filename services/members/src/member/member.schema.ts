import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import type { EncryptedValue } from '../personal-data/personal-data.cipher';
import { encryptedValueSchema } from '../personal-data/encrypted-value.schema';
import {
  GENDERS,
  MEMBER_STATUSES,
  type Gender,
  type MemberStatus,
  type TransferState,
} from './member.enums';

export const MEMBER_MODEL = 'Member';

export interface StatusChange {
  from: MemberStatus | null;
  to: MemberStatus;
  /** When the step happened (e.g. the branch meeting's date), as recorded. */
  at: Date;
  /** `sub` of the caller who recorded it. */
  by: string;
  reason?: string;
  recordedAt: Date;
}

export interface FloatingAssignment {
  projectBranchId: Types.ObjectId;
  /** The project branch's path including itself: project-side scope and subtree lists. */
  projectBranchPath: Types.ObjectId[];
  from: Date;
  to?: Date;
  by: string;
}

export interface CommunityReport {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  communityPath: Types.ObjectId[];
  since: Date;
  until?: Date;
  by: string;
}

export interface Transfer {
  _id: Types.ObjectId;
  fromOrganizationId: Types.ObjectId;
  toOrganizationId: Types.ObjectId;
  toOrganizationPath: Types.ObjectId[];
  state: TransferState;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  decidedAt?: Date;
  decidedBy?: string;
  note?: string;
}

export interface Member {
  _id: Types.ObjectId;
  /** The branch holding the membership (组织关系). */
  organizationId: Types.ObjectId;
  /** That branch's path including itself, root first: subtree lists, counts and scope. */
  organizationPath: Types.ObjectId[];
  name: string;
  gender: Gender;
  /** Not encrypted: age bands are counted in the database. Shown only with personal data. */
  birthDate: Date;
  idNumber: EncryptedValue;
  /** HMAC of the normalized ID number: uniqueness and lookup without decrypting. */
  idNumberHash: string;
  phone?: EncryptedValue;
  phoneHash?: string;
  status: MemberStatus;
  statusSince: Date;
  statusHistory: StatusChange[];
  employer?: string;
  occupation?: string;
  tags: string[];
  /** 在职党员: works in a unit whose party organization does double reporting. */
  inService: boolean;
  unitOrganizationId?: Types.ObjectId;
  unitOrganizationPath?: Types.ObjectId[];
  /** 流动党员: current assignment to a project branch; the home branch stays. */
  floating?: FloatingAssignment;
  floatingHistory: FloatingAssignment[];
  /** 双报到: the community the member currently reports to. */
  communityReport?: CommunityReport;
  communityReportHistory: CommunityReport[];
  /** 组织关系转接 waiting for the receiving side. */
  pendingTransfer?: Transfer;
  /** Decided transfers, oldest first. */
  transfers: Transfer[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

/** Every path a member keeps; each is rewritten when an organization on it moves. */
export const MEMBER_PATH_FIELDS = [
  'organizationPath',
  'unitOrganizationPath',
  'floating.projectBranchPath',
  'communityReport.communityPath',
  'pendingTransfer.toOrganizationPath',
] as const;

const ids = { type: [Schema.Types.ObjectId], default: undefined };
const encrypted = encryptedValueSchema;
const statusChange = new Schema<StatusChange>(
  {
    from: { type: String, enum: [...MEMBER_STATUSES, null] },
    to: { type: String, enum: MEMBER_STATUSES, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    reason: String,
    recordedAt: { type: Date, required: true },
  },
  { _id: false },
);
const floating = new Schema<FloatingAssignment>(
  {
    projectBranchId: { type: Schema.Types.ObjectId, required: true },
    projectBranchPath: ids,
    from: { type: Date, required: true },
    to: Date,
    by: { type: String, required: true },
  },
  { _id: false },
);
const communityReport = new Schema<CommunityReport>({
  communityId: { type: Schema.Types.ObjectId, required: true },
  communityPath: ids,
  since: { type: Date, required: true },
  until: Date,
  by: { type: String, required: true },
});
const transfer = new Schema<Transfer>({
  fromOrganizationId: { type: Schema.Types.ObjectId, required: true },
  toOrganizationId: { type: Schema.Types.ObjectId, required: true },
  toOrganizationPath: ids,
  state: { type: String, required: true },
  reason: { type: String, required: true },
  requestedAt: { type: Date, required: true },
  requestedBy: { type: String, required: true },
  decidedAt: Date,
  decidedBy: String,
  note: String,
});

export const memberSchema = new Schema<Member>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    organizationPath: { type: [Schema.Types.ObjectId], required: true },
    name: { type: String, required: true },
    gender: { type: String, enum: GENDERS, required: true },
    birthDate: { type: Date, required: true },
    idNumber: { type: encrypted, required: true },
    idNumberHash: { type: String, required: true },
    phone: encrypted,
    phoneHash: String,
    status: { type: String, enum: MEMBER_STATUSES, required: true },
    statusSince: { type: Date, required: true },
    statusHistory: { type: [statusChange], default: [] },
    employer: String,
    occupation: String,
    tags: { type: [String], default: [] },
    inService: { type: Boolean, default: false },
    unitOrganizationId: Schema.Types.ObjectId,
    unitOrganizationPath: ids,
    floating,
    floatingHistory: { type: [floating], default: [] },
    communityReport,
    communityReportHistory: { type: [communityReport], default: [] },
    pendingTransfer: transfer,
    transfers: { type: [transfer], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'members', versionKey: false },
);
withOutbox(memberSchema);

// One index per query path, ending in _id where lists are paged in _id order. Each declared
// index costs the local Mongo-wire server ~20 s per 100,000 members when it opens the database,
// although it builds none but the unique ones: keep the list short. Lookups by transfer and
// registration id use unique indexes, which it does build. A phone lookup would add {phoneHash: 1}.
memberSchema.index({ idNumberHash: 1 }, { unique: true, sparse: true });
memberSchema.index({ 'pendingTransfer._id': 1 }, { unique: true, sparse: true });
memberSchema.index({ 'communityReport._id': 1 }, { unique: true, sparse: true });
memberSchema.index({ organizationPath: 1, status: 1, _id: 1 }); // subtree lists and counts (directOnly too)
memberSchema.index({ 'floating.projectBranchPath': 1, _id: 1 }, { sparse: true });
memberSchema.index({ 'communityReport.communityPath': 1, _id: 1 }, { sparse: true });
memberSchema.index({ unitOrganizationPath: 1, _id: 1 }, { sparse: true });
memberSchema.index({ 'pendingTransfer.toOrganizationPath': 1, _id: 1 }, { sparse: true });

/** What reads load: the outbox and the lookup hashes stay on the server. */
export const MEMBER_PROJECTION = { outbox: 0, idNumberHash: 0, phoneHash: 0 } as const;
