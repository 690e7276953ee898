import { randomBytes } from 'node:crypto';
import { createKafka, ensureTopics } from '../src';

// Over the real (single) broker: the topics a service creates take KAFKA_REPLICATION_FACTOR's
// replicas. One broker can hold one replica, so 2 is refused by the broker: proof that the
// setting reaches it (deploy/k8s sets 3, as its KafkaTopics).
describe('ensureTopics replication factor', () => {
  const kafka = createKafka('jiceng-test');
  const spec = (name: string) => ({
    name: `jiceng.test.${name}-${randomBytes(4).toString('hex')}.v1`,
    partitions: 1,
    description: 'test',
  });
  const saved = process.env.KAFKA_REPLICATION_FACTOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.KAFKA_REPLICATION_FACTOR;
    else process.env.KAFKA_REPLICATION_FACTOR = saved;
  });

  it('creates one replica by default', async () => {
    delete process.env.KAFKA_REPLICATION_FACTOR;
    const topic = spec('replicas-default');
    await ensureTopics(kafka, [topic]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic.name] });
      expect(topics[0].partitions.map((p) => p.replicas.length)).toEqual([1]);
    } finally {
      await admin.disconnect();
    }
  });

  it('asks the broker for KAFKA_REPLICATION_FACTOR replicas', async () => {
    process.env.KAFKA_REPLICATION_FACTOR = '2';
    await expect(ensureTopics(kafka, [spec('replicas-two')])).rejects.toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' }),
      ]),
    });
  });
});
