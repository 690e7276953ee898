// The members service's settings besides the shared ones (libs/subgraph's `subgraphSettings`).
import { optionalText, readSettings } from '@jiceng/config';
import { orgProjectionGroupSetting } from '@jiceng/org-projection';
import { PERSONAL_DATA_SETTING } from './personal-data/personal-data.config';

export const SERVICE_NAME = 'members';

export const MEMBERS_SETTINGS = {
  orgProjectionGroup: orgProjectionGroupSetting(SERVICE_NAME),
  // Unset: `jiceng-members-counters-<MONGO_DB>` when MONGO_DB is set (a test database reads the
  // topic from its beginning), else `jiceng-members-counters`.
  countersGroup: optionalText(
    'MEMBERS_COUNTERS_GROUP',
    'consumer group of the read-model counters (one per members database)',
  ),
  personalData: PERSONAL_DATA_SETTING,
};

export const membersEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings(MEMBERS_SETTINGS, env);
