import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';
import { PROJECT_STATUSES, type ProjectStatus } from './construction-project-steps';

export const PROJECT_MODEL = 'ConstructionProject';

/** A project branch (项目党支部) and the firm standing behind it. */
export interface BranchLink {
  branchId: Types.ObjectId;
  firmId: Types.ObjectId;
  linkedAt: Date;
}

export interface ConstructionProject {
  _id: Types.ObjectId;
  name: string;
  regionCode: string;
  /** The project's 联合党委; its subtree holds the area, branch and team levels. One project each. */
  jointCommitteeId: Types.ObjectId;
  firmIds: Types.ObjectId[];
  status: ProjectStatus;
  /** Embedded so a link and its event are one single-document write. */
  branchLinks: BranchLink[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

const branchLinkSchema = new Schema<BranchLink>(
  {
    branchId: { type: Schema.Types.ObjectId, required: true },
    firmId: { type: Schema.Types.ObjectId, required: true },
    linkedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const projectSchema = new Schema<ConstructionProject>(
  {
    name: { type: String, required: true },
    regionCode: { type: String, required: true },
    jointCommitteeId: { type: Schema.Types.ObjectId, required: true },
    firmIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: PROJECT_STATUSES, required: true },
    branchLinks: { type: [branchLinkSchema], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'construction_projects', versionKey: false },
);
withOutbox(projectSchema);

projectSchema.index({ jointCommitteeId: 1 }, { unique: true });
projectSchema.index({ firmIds: 1, _id: 1 }); // ConstructionFirm.projects
projectSchema.index({ 'branchLinks.branchId': 1 }); // Organization.projectFirm
projectSchema.index({ status: 1, _id: 1 });

/** Fields reads need; the outbox stays on the server. */
export const PROJECT_PROJECTION = { outbox: 0 } as const;
