// The rural service's settings besides the shared ones (libs/subgraph's `subgraphSettings`).
import { readSettings } from '@jiceng/config';
import { orgProjectionGroupSetting } from '@jiceng/org-projection';

export const SERVICE_NAME = 'rural';

export const RURAL_SETTINGS = {
  orgProjectionGroup: orgProjectionGroupSetting(SERVICE_NAME),
};

export const ruralEnv = (env: NodeJS.ProcessEnv = process.env) => readSettings(RURAL_SETTINGS, env);
