import { MongooseModule } from '@nestjs/mongoose';
import { Schema, type Types } from 'mongoose';
import type { ContributionKey } from './contribution';

// The members subgraph's analyst read model. Every read and write here is by `_id` (equality or
// `$in`), the one access path the local Mongo-wire server serves without a scan; none of these
// collections needs a secondary index on MongoDB either.

export const COUNTER_MODEL = 'MemberCounter';
export const CONTRIBUTION_MODEL = 'MemberContribution';
export const ROSTER_MODEL = 'MemberRoster';
export const READ_MODEL_STATE_MODEL = 'MemberReadModelState';

/** Counts of one organization (`<org>`) or of its members born in one year (`<org>:<year>`). */
export interface MemberCounter {
  _id: string;
  s?: Record<string, number>;
  g?: Record<string, number>;
  y?: Record<string, number>;
  d?: Record<string, number>;
  rm?: Record<string, number>;
  ur?: Record<string, number>;
  fl?: number;
  ru?: number;
  ti?: number;
  to?: number;
  uu?: number;
  /** Tokens of the batches whose increments are in, until those batches are marked done. */
  tokens: string[];
}

/** What a change is about to add: applied under `token`, claimed by `owner` until `at` + lease. */
export interface PendingContribution {
  token: string;
  owner: string;
  at: Date;
  version: number;
  keys: ContributionKey[];
  before: ContributionKey[];
}

/** What one member or unit registration adds to the counters, as of its `version`. */
export interface MemberContribution {
  _id: Types.ObjectId;
  version: number;
  keys: ContributionKey[];
  pending?: PendingContribution;
}

/** Ids of the members listed under a key (`home:<org>`), so pages read members by `_id`. */
export interface MemberRoster {
  _id: string;
  ids: Types.ObjectId[];
}

export interface MemberReadModelState {
  _id: string;
  /** Set once every member and registration present at the rebuild was counted. */
  builtAt: Date;
  schemaVersion: number;
}

const counterSchema = new Schema<MemberCounter>(
  {
    _id: { type: String, required: true },
    s: Schema.Types.Mixed,
    g: Schema.Types.Mixed,
    y: Schema.Types.Mixed,
    d: Schema.Types.Mixed,
    rm: Schema.Types.Mixed,
    ur: Schema.Types.Mixed,
    fl: Number,
    ru: Number,
    ti: Number,
    to: Number,
    uu: Number,
    tokens: { type: [String], default: [] },
  },
  { collection: 'member_counters', versionKey: false, minimize: false },
);

const contributionSchema = new Schema<MemberContribution>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    keys: { type: [String], default: [] },
    pending: Schema.Types.Mixed,
  },
  { collection: 'member_contributions', versionKey: false },
);
// Intents of a batch that died, found by their batch's token (only after a crash).
contributionSchema.index({ 'pending.token': 1 }, { sparse: true });

const rosterSchema = new Schema<MemberRoster>(
  {
    _id: { type: String, required: true },
    ids: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'member_rosters', versionKey: false },
);

const stateSchema = new Schema<MemberReadModelState>(
  {
    _id: { type: String, required: true },
    builtAt: { type: Date, required: true },
    schemaVersion: { type: Number, required: true },
  },
  { collection: 'member_read_model_state', versionKey: false },
);

export const readModelSchemas = [
  { name: COUNTER_MODEL, schema: counterSchema },
  { name: CONTRIBUTION_MODEL, schema: contributionSchema },
  { name: ROSTER_MODEL, schema: rosterSchema },
  { name: READ_MODEL_STATE_MODEL, schema: stateSchema },
];
export const readModelModels = MongooseModule.forFeature(readModelSchemas);
