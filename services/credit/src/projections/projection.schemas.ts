import { Schema } from 'mongoose';
import type { MemberStateRecord } from './member-history';

// The credit service's copies of other services' state, each kept from a topic with
// version-guarded writes, so it never reads another service's database.

export const MEMBER_REF_MODEL = 'CreditMemberRef';
export const PROJECT_REF_MODEL = 'CreditProjectRef';

/** A member from `jiceng.members.lifecycle.v1`: every state with when it took effect. */
export interface MemberRef {
  _id: string;
  /** The newest version applied. */
  version: number;
  /** The branch of the newest version: for rankings of members within a subtree. */
  branchId: string;
  status: string;
  states: MemberStateRecord[];
}

const memberStateSchema = new Schema<MemberStateRecord>(
  {
    version: { type: Number, required: true },
    effectiveAt: { type: Date, required: true },
    organizationId: { type: String, required: true },
    unitOrganizationId: { type: String, default: null },
    projectBranchId: { type: String, default: null },
    communityId: { type: String, default: null },
    status: { type: String, required: true },
  },
  { _id: false },
);

export const memberRefSchema = new Schema<MemberRef>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    branchId: { type: String, required: true },
    status: { type: String, required: true },
    states: { type: [memberStateSchema], default: [] },
  },
  { collection: 'member_refs', versionKey: false },
);
memberRefSchema.index({ branchId: 1 });

export interface ProjectFirmRef {
  firmId: string;
  creditCode: string;
  branchIds: string[];
}

/** A construction project from `jiceng.organizations.projects.v1`: branch → firm. */
export interface ProjectRef {
  _id: string;
  version: number;
  name: string;
  firms: ProjectFirmRef[];
}

export const projectRefSchema = new Schema<ProjectRef>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    firms: {
      type: [
        new Schema<ProjectFirmRef>(
          {
            firmId: { type: String, required: true },
            creditCode: { type: String, required: true },
            branchIds: { type: [String], default: [] },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'project_refs', versionKey: false },
);
projectRefSchema.index({ 'firms.branchIds': 1 });
projectRefSchema.index({ 'firms.firmId': 1 });
