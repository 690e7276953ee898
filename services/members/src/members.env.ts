// Every setting of the members service besides the shared ones (MONGO_URL, MONGO_DB,
// KAFKA_BROKERS, CLAIMS_SECRET, PORT, HOST, OUTBOX_POLL_MS, OUTBOX_SCAN_MS) and the personal-data keys
// (PII_KEYS, PII_ACTIVE_KEY_ID, PII_HASH_KEY: see personal-data/personal-data.config.ts).
export interface MembersEnv {
  /** Consumer group of the organization projection; a test run uses one of its own. */
  orgProjectionGroup: string;
}

export function membersEnv(env: NodeJS.ProcessEnv = process.env): MembersEnv {
  return {
    orgProjectionGroup: env.ORG_PROJECTION_GROUP ?? 'jiceng-members-org-projection',
  };
}

export const MEMBERS_DEFAULT_PORT = 4002;
