import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { TOPIC_SPECS, dlqTopicOf } from '@jiceng/events';

// The KafkaTopics Strimzi creates must be the topics the code uses (libs/events TOPIC_SPECS,
// with their partitions, and their dead-letter topics as libs/kafka ensureTopics makes them),
// and the provincial user may read exactly what the AsyncAPI document publishes.

const KAFKA = join(__dirname, '..', 'base', 'kafka');

interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}

function resources(file: string): Resource[] {
  return parseAllDocuments(readFileSync(join(KAFKA, file), 'utf8'))
    .map((doc) => doc.toJSON() as Resource | null)
    .filter((r): r is Resource => r !== null);
}

interface Acl {
  resource: { type: string; name: string; patternType: string };
  operations: string[];
}

describe('deploy/k8s Kafka resources', () => {
  it('has one KafkaTopic per topic and per dead-letter topic, with their partitions', () => {
    const topics = resources('topics.yaml').map((r) => ({
      kind: r.kind,
      name: r.metadata.name,
      cluster: r.metadata.labels?.['strimzi.io/cluster'],
      partitions: r.spec.partitions,
      replicas: r.spec.replicas,
    }));
    const expected = TOPIC_SPECS.flatMap((spec) => [
      { name: spec.name, partitions: spec.partitions },
      { name: dlqTopicOf(spec.name), partitions: 1 },
    ]).map((t) => ({ kind: 'KafkaTopic', ...t, cluster: 'jiceng', replicas: 3 }));
    expect(topics).toEqual(expected);
  });

  it('lets the provincial user read the published topics and its own groups, nothing else', () => {
    const [user] = resources('province-user.yaml');
    const acls = (user.spec.authorization as { acls: Acl[] }).acls;
    for (const acl of acls) expect(acl.operations).toEqual(['Read', 'Describe']);

    const asyncapi = parse(
      readFileSync(join(__dirname, '..', '..', '..', 'libs', 'events', 'asyncapi.yaml'), 'utf8'),
    ) as { channels: Record<string, { address: string }> };
    const published = Object.values(asyncapi.channels).map((c) => c.address);
    const readable = acls.filter((a) => a.resource.type === 'topic');
    expect(readable.every((a) => a.resource.patternType === 'literal')).toBe(true);
    expect(readable.map((a) => a.resource.name).sort()).toEqual([...published].sort());

    expect(acls.filter((a) => a.resource.type !== 'topic').map((a) => a.resource)).toEqual([
      { type: 'group', name: 'province-', patternType: 'prefix' },
    ]);
  });
});
