// The members service reads shared settings (MONGO_URL, MONGO_DB, KAFKA_BROKERS, CLAIMS_SECRET,
// PORT, HOST, OUTBOX_POLL_MS, OUTBOX_SCAN_MS, ORG_PROJECTION_GROUP), the personal-data keys
// (PII_KEYS, PII_ACTIVE_KEY_ID, PII_HASH_KEY: see personal-data/personal-data.config.ts), the
// counters' group (MEMBERS_COUNTERS_GROUP, see read-model/counter-feed.ts) and the organizational
// life settings below.
export interface OrganizationalLifeEnv {
  /** Consumer group keeping the meeting tallies; one per members database by default. */
  tallyGroup: string;
  /** APPRAISAL_RULE_HOUSEHOLD_CONTACT=on: no 好 for a member whose household-contact duty was not met. */
  householdContactRule: boolean;
}

export function organizationalLifeEnv(env: NodeJS.ProcessEnv = process.env): OrganizationalLifeEnv {
  const flag = env.APPRAISAL_RULE_HOUSEHOLD_CONTACT ?? 'off';
  if (flag !== 'on' && flag !== 'off')
    throw new Error('APPRAISAL_RULE_HOUSEHOLD_CONTACT must be on or off');
  return {
    tallyGroup:
      env.MEMBERS_MEETING_TALLY_GROUP ??
      (env.MONGO_DB ? `jiceng-members-meetings-${env.MONGO_DB}` : 'jiceng-members-meetings'),
    householdContactRule: flag === 'on',
  };
}
