import { Schema, type Types } from 'mongoose';

export const MEMBER_NODE_MODEL = 'MemberNode';

/**
 * The volunteering service's copy of a member, kept from `jiceng.members.lifecycle.v1`: ids and
 * status only (the topic carries no personal data), for scope checks on a member's claims.
 */
export interface MemberNode {
  /** The member id. */
  _id: Types.ObjectId;
  /** The branch holding the membership (组织关系). */
  organizationId: Types.ObjectId;
  /** The community the member reports to (双报到), if any. */
  communityId: Types.ObjectId | null;
  unitOrganizationId: Types.ObjectId | null;
  /** The project branch a floating member serves with, if any. */
  projectBranchId?: Types.ObjectId | null;
  status: string;
  version: number;
  updatedAt: Date;
}

export const memberNodeSchema = new Schema<MemberNode>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, default: null },
    unitOrganizationId: { type: Schema.Types.ObjectId, default: null },
    projectBranchId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'member_nodes', versionKey: false },
);
memberNodeSchema.index({ communityId: 1, _id: 1 }); // members reporting to a community
