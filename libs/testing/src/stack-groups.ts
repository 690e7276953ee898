import { Topics } from '@jiceng/events';
import type { SubgraphName } from '@jiceng/graphql';
import type { GroupTopic } from './kafka-groups';

interface ServiceGroups {
  /** The settings that give the service consumer groups under `prefix`. */
  env(prefix: string): Record<string, string>;
  /** Its groups (`<prefix>-<suffix>`) and the topic each reads. */
  groups: readonly { suffix: string; topic: string }[];
  /** Whether it keeps a copy of the organization tree (`org_nodes`). */
  orgProjection: boolean;
}

const ORGS = { suffix: 'orgs', topic: Topics.organizationsLifecycle };
const orgProjectionEnv = (prefix: string) => ({ ORG_PROJECTION_GROUP: `${prefix}-orgs` });

// Each service's consumer groups as its settings name them (services/<name>/src/<name>.env.ts;
// credit's are `<CREDIT_GROUP_PREFIX>-<stream>`, `-station-visits` idle where no visits come).
// A group missing here starts at the topic's beginning and reads every earlier run's events:
// add a service's new consumer here when you add it.
const SERVICE_GROUPS: Record<SubgraphName, ServiceGroups> = {
  organizations: { env: () => ({}), groups: [], orgProjection: false },
  members: {
    env: (prefix) => ({
      ...orgProjectionEnv(prefix),
      MEMBERS_COUNTERS_GROUP: `${prefix}-counters`,
      MEMBERS_MEETING_TALLY_GROUP: `${prefix}-meetings`,
      MEMBERS_HOUSEHOLD_TALLY_GROUP: `${prefix}-household-contacts`,
      MEMBERS_HOUSEHOLD_PROBLEM_GROUP: `${prefix}-household-problems`,
    }),
    groups: [
      ORGS,
      { suffix: 'counters', topic: Topics.membersLifecycle },
      { suffix: 'meetings', topic: Topics.membersOrganizationalLife },
      { suffix: 'household-contacts', topic: Topics.membersHouseholdContacts },
      { suffix: 'household-problems', topic: Topics.volunteeringServiceRequests },
    ],
    orgProjection: true,
  },
  volunteering: {
    env: (prefix) => ({
      ...orgProjectionEnv(prefix),
      MEMBER_PROJECTION_GROUP: `${prefix}-members`,
      WHISTLE_TALLY_GROUP: `${prefix}-whistles`,
      HOUSEHOLD_PROBLEM_GROUP: `${prefix}-household-problems`,
    }),
    groups: [
      ORGS,
      { suffix: 'members', topic: Topics.membersLifecycle },
      { suffix: 'whistles', topic: Topics.volunteeringWhistles },
      { suffix: 'household-problems', topic: Topics.membersHouseholdContacts },
    ],
    orgProjection: true,
  },
  stations: { env: orgProjectionEnv, groups: [ORGS], orgProjection: true },
  rural: { env: orgProjectionEnv, groups: [ORGS], orgProjection: true },
  credit: {
    env: (prefix) => ({ CREDIT_GROUP_PREFIX: prefix }),
    groups: [
      { suffix: 'org-tree', topic: Topics.organizationsLifecycle },
      { suffix: 'station-visits', topic: Topics.stationsVisits },
      { suffix: 'members', topic: Topics.membersLifecycle },
      { suffix: 'projects', topic: Topics.organizationsProjects },
      { suffix: 'ledger', topic: Topics.volunteeringCheckins },
      { suffix: 'organizational-life', topic: Topics.membersOrganizationalLife },
      { suffix: 'star-ratings', topic: Topics.organizationsRatings },
      { suffix: 'joint-building', topic: Topics.organizationsPairings },
      { suffix: 'household-contacts', topic: Topics.membersHouseholdContacts },
    ],
    orgProjection: true,
  },
};

export const groupEnv = (service: SubgraphName, prefix: string) =>
  SERVICE_GROUPS[service].env(prefix);

export const groupTopics = (service: SubgraphName, prefix: string): GroupTopic[] =>
  SERVICE_GROUPS[service].groups.map(({ suffix, topic }) => ({
    groupId: `${prefix}-${suffix}`,
    topic,
  }));

export const hasOrgProjection = (service: SubgraphName) => SERVICE_GROUPS[service].orgProjection;
