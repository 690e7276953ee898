import { Schema, type Types } from 'mongoose';

export const ORG_NODE_MODEL = 'OrgNode';

/**
 * A service's own copy of an organization, kept from `jiceng.organizations.lifecycle.v1`: what
 * scope checks, subtree reads and membership rules need, without reading the organizations
 * service's database.
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
orgNodeSchema.index({ ancestorIds: 1, sector: 1 }); // subtree reads, path rewrites
orgNodeSchema.index({ parentId: 1, kind: 1 }); // demo loaders walk the tree
orgNodeSchema.index({ name: 1 }); // demo loaders find their districts by name

/** A node's materialized path including itself: what records below it store. */
export const pathOf = (node: Pick<OrgNode, '_id' | 'ancestorIds'>): Types.ObjectId[] => [
  ...node.ancestorIds,
  node._id,
];

export const ORG_AWAITED_PARENT_MODEL = 'OrgAwaitedParent';

/**
 * A parent some node arrived before (events of different organizations are not ordered). Keyed
 * by the parent's id, so the parent's arrival finds it with one `_id` read instead of scanning
 * the projection for children on every new node.
 */
export interface AwaitedParent {
  _id: Types.ObjectId;
  since: Date;
}

export const awaitedParentSchema = new Schema<AwaitedParent>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    since: { type: Date, required: true },
  },
  { collection: 'org_awaited_parents', versionKey: false },
);
