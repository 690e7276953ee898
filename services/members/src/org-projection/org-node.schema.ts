import { Schema, type Types } from 'mongoose';

export const ORG_NODE_MODEL = 'OrgNode';

/**
 * The members service's copy of an organization, kept from `jiceng.organizations.lifecycle.v1`:
 * what scope checks, membership rules and statistics need, without reading another service's
 * database.
 */
export interface OrgNode {
  _id: Types.ObjectId;
  name: string;
  kind: string;
  sector: string;
  regionCode: string;
  status: 'ACTIVE' | 'DISSOLVED';
  parentId: Types.ObjectId | null;
  /** Root first, without the node itself. */
  ancestorIds: Types.ObjectId[];
  /** The organization's version of the last event applied; older events are dropped. */
  version: number;
  updatedAt: Date;
}

export const orgNodeSchema = new Schema<OrgNode>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    sector: { type: String, required: true },
    regionCode: { type: String, required: true },
    status: { type: String, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], default: [] },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'org_nodes', versionKey: false },
);
orgNodeSchema.index({ ancestorIds: 1 }); // subtree path rewrites
orgNodeSchema.index({ parentId: 1, kind: 1 }); // demo loader lookups
orgNodeSchema.index({ name: 1 });

/** A node's materialized path including itself: what members store for their branch. */
export const pathOf = (node: Pick<OrgNode, '_id' | 'ancestorIds'>): Types.ObjectId[] => [
  ...node.ancestorIds,
  node._id,
];
