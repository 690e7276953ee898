// The stations service's settings besides the shared ones (libs/subgraph's `subgraphSettings`).
import { readSettings } from '@jiceng/config';
import { orgProjectionGroupSetting } from '@jiceng/org-projection';

export const SERVICE_NAME = 'stations';

export const STATIONS_SETTINGS = {
  orgProjectionGroup: orgProjectionGroupSetting(SERVICE_NAME),
};

export const stationsEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings(STATIONS_SETTINGS, env);
