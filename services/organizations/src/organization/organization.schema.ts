import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { ORGANIZATION_KINDS, ORGANIZATION_SECTORS, ORGANIZATION_STATUSES } from '@jiceng/events';
import type { OrganizationKind, OrganizationSector, OrganizationStatus } from '@jiceng/events';

export const ORGANIZATION_MODEL = 'Organization';

export interface Organization {
  _id: Types.ObjectId;
  name: string;
  kind: OrganizationKind;
  sector: OrganizationSector;
  regionCode: string;
  status: OrganizationStatus;
  parentId: Types.ObjectId | null;
  /** Materialized path, root first: subtree reads are one indexed query. */
  ancestorIds: Types.ObjectId[];
  depth: number;
  dissolvedAt?: Date;
  dissolutionReason?: string;
  /** Set while the descendants' paths are being rewritten after a move; cleared when done. */
  pathRewritePending?: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

export const organizationSchema = new Schema<Organization>(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    sector: { type: String, enum: ORGANIZATION_SECTORS, required: true },
    regionCode: { type: String, required: true },
    status: { type: String, enum: ORGANIZATION_STATUSES, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [] },
    depth: { type: Number, required: true },
    dissolvedAt: Date,
    dissolutionReason: String,
    pathRewritePending: Boolean,
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'organizations', versionKey: false },
);
withOutbox(organizationSchema);

// One index per query path; each ends in _id because every list is paged in _id order.
organizationSchema.index({ parentId: 1, _id: 1 }); // children, active-children check
organizationSchema.index({ ancestorIds: 1, _id: 1 }); // descendants, subtree scope
organizationSchema.index({ ancestorIds: 1, depth: 1 }); // descendants with maxDepth
organizationSchema.index({ kind: 1, _id: 1 });
organizationSchema.index({ sector: 1, _id: 1 });
organizationSchema.index({ regionCode: 1, _id: 1 });
organizationSchema.index({ pathRewritePending: 1 }, { sparse: true });

/** Fields list and node reads need; the outbox stays on the server. */
export const ORGANIZATION_PROJECTION = { outbox: 0 } as const;
