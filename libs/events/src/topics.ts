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

export interface TopicSpec {
  name: string;
  partitions: number;
  description: string;
}

export const Topics = {
  organizationsLifecycle: topicName('organizations', 'lifecycle', 1),
} as const;

export const TOPIC_SPECS: readonly TopicSpec[] = [
  {
    name: Topics.organizationsLifecycle,
    partitions: 6,
    description: 'Organization created, updated, moved or dissolved; keyed by organization id.',
  },
];
