// The members service's settings besides the shared ones (libs/subgraph's `subgraphSettings`).
import { flag, optionalText, readSettings } from '@jiceng/config';
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
  // Unset: `jiceng-members-meetings-<MONGO_DB>` when MONGO_DB is set, else
  // `jiceng-members-meetings`.
  meetingTallyGroup: optionalText(
    'MEMBERS_MEETING_TALLY_GROUP',
    'consumer group keeping the meeting tallies (one per members database)',
  ),
  // Unset: `jiceng-members-household-contacts-<MONGO_DB>` when MONGO_DB is set, else
  // `jiceng-members-household-contacts`.
  householdTallyGroup: optionalText(
    'MEMBERS_HOUSEHOLD_TALLY_GROUP',
    'consumer group keeping the household-contact tallies (one per members database)',
  ),
  // Unset: `jiceng-members-household-problems-<MONGO_DB>` when MONGO_DB is set, else
  // `jiceng-members-household-problems`.
  householdProblemGroup: optionalText(
    'MEMBERS_HOUSEHOLD_PROBLEM_GROUP',
    "consumer group that marks visits' problems solved when volunteering closes their service requests",
  ),
  householdContactRule: flag(
    'APPRAISAL_RULE_HOUSEHOLD_CONTACT',
    false,
    'on: no 好 in the democratic appraisal for a member whose household-contact duty was not met',
  ),
  personalData: PERSONAL_DATA_SETTING,
};

export const membersEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings(MEMBERS_SETTINGS, env);

/** A consumer group of this service that is one per members database unless named. */
export function perDatabaseGroup(
  named: string | undefined,
  base: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (named) return named;
  return env.MONGO_DB ? `${base}-${env.MONGO_DB}` : base;
}

export interface OrganizationalLifeEnv {
  tallyGroup: string;
  householdContactRule: boolean;
}

export function organizationalLifeEnv(env: NodeJS.ProcessEnv = process.env): OrganizationalLifeEnv {
  const { meetingTallyGroup, householdContactRule } = readSettings(
    {
      meetingTallyGroup: MEMBERS_SETTINGS.meetingTallyGroup,
      householdContactRule: MEMBERS_SETTINGS.householdContactRule,
    },
    env,
  );
  return {
    tallyGroup: perDatabaseGroup(meetingTallyGroup, 'jiceng-members-meetings', env),
    householdContactRule,
  };
}

/** The consumer group of the household-contact tallies. */
export function householdContactsGroup(env: NodeJS.ProcessEnv = process.env): string {
  const { householdTallyGroup } = readSettings(
    { householdTallyGroup: MEMBERS_SETTINGS.householdTallyGroup },
    env,
  );
  return perDatabaseGroup(householdTallyGroup, 'jiceng-members-household-contacts', env);
}

/** The consumer group of the service requests' steps (problems solved through the loop). */
export function householdProblemGroup(env: NodeJS.ProcessEnv = process.env): string {
  const { householdProblemGroup: named } = readSettings(
    { householdProblemGroup: MEMBERS_SETTINGS.householdProblemGroup },
    env,
  );
  return perDatabaseGroup(named, 'jiceng-members-household-problems', env);
}
