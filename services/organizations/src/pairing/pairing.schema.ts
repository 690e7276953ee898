import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import {
  JOINT_PROJECT_STATUSES,
  PAIRING_KINDS,
  PAIRING_STATUSES,
  type JointProjectStatus,
  type PairingKind,
  type PairingStatus,
} from './pairing.enums';

export const PAIRING_MODEL = 'Pairing';

export interface PairingParty {
  organizationId: Types.ObjectId;
  /** 兼职委员 this unit sends to the lead community's committee (大党委); 0 for other kinds. */
  partTimeCommitteeMembers: number;
}

/** An entry of the resource list (资源清单) or the needs list (需求清单). */
export interface PairingItem {
  _id: Types.ObjectId;
  name: string;
  description: string | null;
  /** The party that provides the resource or has the need. */
  organizationId: Types.ObjectId;
}

export interface JointProjectStatusChange {
  status: JointProjectStatus;
  at: Date;
  note: string | null;
}

/** 共建项目: a project the parties agreed to carry out together. */
export interface JointProject {
  _id: Types.ObjectId;
  name: string;
  description: string | null;
  /** Free text such as figures ("累计投资2180万元，建设1300亩"). */
  note: string | null;
  status: JointProjectStatus;
  statusChanges: JointProjectStatusChange[];
}

export interface Pairing {
  _id: Types.ObjectId;
  name: string;
  kind: PairingKind;
  status: PairingStatus;
  /** The first party leads (牵头方); every party is a distinct organization. */
  parties: PairingParty[];
  resources: PairingItem[];
  needs: PairingItem[];
  jointProjects: JointProject[];
  startedAt: Date;
  endedAt?: Date;
  endReason?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const partySchema = new Schema<PairingParty>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    partTimeCommitteeMembers: { type: Number, required: true },
  },
  { _id: false },
);

const itemSchema = new Schema<PairingItem>({
  name: { type: String, required: true },
  description: { type: String, default: null },
  organizationId: { type: Schema.Types.ObjectId, required: true },
});

const statusChangeSchema = new Schema<JointProjectStatusChange>(
  {
    status: { type: String, enum: JOINT_PROJECT_STATUSES, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

const jointProjectSchema = new Schema<JointProject>({
  name: { type: String, required: true },
  description: { type: String, default: null },
  note: { type: String, default: null },
  status: { type: String, enum: JOINT_PROJECT_STATUSES, required: true },
  statusChanges: { type: [statusChangeSchema], default: [] },
});

export const pairingSchema = new Schema<Pairing>(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: PAIRING_KINDS, required: true },
    status: { type: String, enum: PAIRING_STATUSES, required: true },
    parties: { type: [partySchema], required: true },
    resources: { type: [itemSchema], default: [] },
    needs: { type: [itemSchema], default: [] },
    jointProjects: { type: [jointProjectSchema], default: [] },
    startedAt: { type: Date, required: true },
    endedAt: Date,
    endReason: String,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'pairings', versionKey: false },
);
withOutbox(pairingSchema);

// Organization.pairings and pairingsInSubtree look pairings up by party, in _id order.
pairingSchema.index({ 'parties.organizationId': 1, _id: 1 });
pairingSchema.index({ kind: 1, status: 1, _id: 1 });

/** Fields reads need; the outbox stays on the server. */
export const PAIRING_PROJECTION = { outbox: 0 } as const;
