// Every topic of the platform, named `jiceng.<service>.<stream>.v<N>`. Code refers to topics
// through this list, never through string literals.
export const TOPIC_PATTERN = /^jiceng\.[a-z][a-z-]*\.[a-z][a-z-]*\.v[1-9][0-9]*$/;

export function topicName(service: string, stream: string, version: number): string {
  const name = `jiceng.${service}.${stream}.v${version}`;
  if (!TOPIC_PATTERN.test(name)) throw new Error(`Invalid topic name: ${name}`);
  return name;
}

export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Who may read a topic. `provincial` topics are published to provincial systems: their broker
 * principal may read them (and nothing else) over the authenticated listener, and asyncapi.yaml
 * tags their channels `provincial`. `internal` topics are read by the platform's own services only.
 */
export type TopicAudience = 'provincial' | 'internal';

export interface TopicSpec {
  name: string;
  partitions: number;
  description: string;
  audience: TopicAudience;
}

/** A provincial principal's consumer groups must start with this (a prefixed ACL allows them). */
export const PROVINCIAL_GROUP_PREFIX = 'province-';

export const Topics = {
  organizationsLifecycle: topicName('organizations', 'lifecycle', 1),
  organizationsProjects: topicName('organizations', 'projects', 1),
  organizationsPairings: topicName('organizations', 'pairings', 1),
  organizationsRatings: topicName('organizations', 'ratings', 1),
  membersLifecycle: topicName('members', 'lifecycle', 1),
  membersOrganizationalLife: topicName('members', 'organizational-life', 1),
  membersHouseholdContacts: topicName('members', 'household-contacts', 1),
  volunteeringCheckins: topicName('volunteering', 'checkins', 1),
  volunteeringServiceDays: topicName('volunteering', 'service-days', 1),
  volunteeringWhistles: topicName('volunteering', 'whistles', 1),
  volunteeringServiceRequests: topicName('volunteering', 'service-requests', 1),
  creditFirmBonus: topicName('credit', 'firm-bonus', 1),
  stationsVisits: topicName('stations', 'visits', 1),
} as const;

export const TOPIC_SPECS: readonly TopicSpec[] = [
  {
    name: Topics.organizationsLifecycle,
    partitions: 6,
    description: 'Organization created, updated, moved or dissolved; keyed by organization id.',
    // Provincial: it names the organizations the published ratings refer to by id.
    audience: 'provincial',
  },
  {
    name: Topics.organizationsProjects,
    partitions: 3,
    description:
      'Construction firms and projects: which firm stands behind which project branches; keyed by project id.',
    audience: 'internal',
  },
  {
    name: Topics.organizationsPairings,
    partitions: 3,
    description: 'Pairing (联建) agreements created, changed or ended; keyed by pairing id.',
    audience: 'internal',
  },
  {
    name: Topics.organizationsRatings,
    partitions: 3,
    description:
      'Star ratings through their quarterly workflow, published results included; keyed by rating id.',
    audience: 'provincial',
  },
  {
    name: Topics.membersLifecycle,
    partitions: 6,
    description:
      'Member status changes, transfers, floating assignments and double reporting (ids only); keyed by member id.',
    audience: 'internal',
  },
  {
    name: Topics.membersOrganizationalLife,
    partitions: 6,
    description:
      'Organizational life (组织生活): meetings with attendance facts and their corrections, keyed by meeting id; annual appraisals (民主评议), keyed by member id (ids only).',
    audience: 'internal',
  },
  {
    name: Topics.membersHouseholdContacts,
    partitions: 6,
    description:
      'Household contacts (党员联系户): households registered and assigned to members, visits and the problems they found (ids only); keyed by grid id.',
    audience: 'internal',
  },
  {
    name: Topics.volunteeringCheckins,
    partitions: 6,
    description:
      'Reviewed volunteer check-ins: approvals (and revoked approvals) that earn points; keyed by claim id.',
    audience: 'internal',
  },
  {
    name: Topics.volunteeringServiceDays,
    partitions: 3,
    description:
      'Monthly service days (德邻有约) planned, held, signed off or cancelled (ids only); keyed by service day id.',
    audience: 'internal',
  },
  {
    name: Topics.volunteeringWhistles,
    partitions: 3,
    description:
      '吹哨报到: problems raised to townships, whistled to departments, reported and evaluated (ids only); keyed by whistle id.',
    audience: 'internal',
  },
  {
    name: Topics.volunteeringServiceRequests,
    partitions: 3,
    description:
      '群众诉求: service requests through the five-step loop, with the household visit a request was opened from (ids only); keyed by request id.',
    audience: 'internal',
  },
  {
    name: Topics.creditFirmBonus,
    partitions: 3,
    description:
      "A construction firm's party-building credit bonus tier changed for a quarter; keyed by firm id.",
    audience: 'provincial',
  },
  {
    name: Topics.stationsVisits,
    partitions: 6,
    description:
      'Visits of new-employment workers at stations, with the services used (no personal data); keyed by station id.',
    audience: 'internal',
  },
];

/** The topics published to provincial systems (see TopicAudience). */
export const PROVINCIAL_TOPICS: readonly string[] = TOPIC_SPECS.filter(
  (spec) => spec.audience === 'provincial',
).map((spec) => spec.name);
