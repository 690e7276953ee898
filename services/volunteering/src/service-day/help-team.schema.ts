import { Schema, type Types } from 'mongoose';

export const HELP_TEAM_MODEL = 'HelpTeam';

/**
 * 帮帮团: "号召支部党员、网格员、热心群众以及有一技之长的居民参与服务". Members by id; grid workers
 * and residents by a display label only ("张阿姨 (理发)"), never a name with contacts.
 */
export interface HelpTeam {
  _id: Types.ObjectId;
  /** The community, or a grid or compound below it, the team belongs to. */
  organizationId: Types.ObjectId;
  /** The community whose admins manage the team. */
  communityId: Types.ObjectId;
  name: string;
  memberIds: Types.ObjectId[];
  gridWorkers: string[];
  residents: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const helpTeamSchema = new Schema<HelpTeam>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    memberIds: { type: [Schema.Types.ObjectId], default: [] },
    gridWorkers: { type: [String], default: [] },
    residents: { type: [String], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'help_teams', versionKey: false },
);
helpTeamSchema.index({ organizationId: 1, _id: 1 }); // Organization.helpTeams
