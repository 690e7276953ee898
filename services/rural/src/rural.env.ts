import { orgProjectionGroup } from '@jiceng/org-projection';

export const SERVICE_NAME = 'rural';

// Every setting of the rural service besides the shared ones (MONGO_URL, MONGO_DB,
// KAFKA_BROKERS, CLAIMS_SECRET, PORT, HOST), with its default.
export interface RuralEnv {
  /** Consumer group of the organization projection (ORG_PROJECTION_GROUP); tests use their own. */
  orgProjectionGroup: string;
}

export function ruralEnv(env: NodeJS.ProcessEnv = process.env): RuralEnv {
  return { orgProjectionGroup: orgProjectionGroup(SERVICE_NAME, env) };
}
