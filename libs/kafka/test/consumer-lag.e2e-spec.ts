import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Registry } from 'prom-client';
import {
  createEvent,
  organizationLifecycleV1,
  type EventContract,
  type OrganizationLifecycleV1,
} from '@jiceng/events';
import {
  ConsumedTopics,
  ConsumerLagTimeoutError,
  createKafka,
  ensureTopics,
  IdempotentConsumer,
  readConsumerLag,
  registerConsumerLagMetrics,
} from '../src';

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Over the real broker: a group that committed k of a partition's N messages lags N - k there.
describe('consumer lag', () => {
  const run = randomBytes(4).toString('hex');
  const contract: EventContract<OrganizationLifecycleV1> = {
    ...organizationLifecycleV1,
    topic: `jiceng.test.lag-${run}.v1`,
  };
  const groupId = `test-lag-${run}`;
  const kafka = createKafka('jiceng-test');
  const producer = kafka.producer();

  const event = (n: number) => {
    const id = `6b02d8672a6584f6ec1${String(n).padStart(5, '0')}`;
    return createEvent(contract, {
      type: 'jiceng.organizations.organization.created',
      subject: id,
      data: {
        organizationId: id,
        version: 1,
        name: `支部${n}`,
        kind: 'BRANCH',
        sector: 'COMMUNITY',
        regionCode: '130903',
        status: 'ACTIVE',
        parentId: null,
        ancestorIds: [],
        changedFields: ['*'],
      },
    });
  };

  beforeAll(async () => {
    await ensureTopics(kafka, [{ name: contract.topic, partitions: 2 }]);
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [contract.topic, `${contract.topic}.dlq`] })
      .catch(() => undefined);
    await admin.disconnect();
  });

  it('reports N - k for the partition of N messages when the group committed k', async () => {
    const total = 10;
    const committed = 4;
    await producer.send({
      topic: contract.topic,
      acks: -1,
      messages: Array.from({ length: total }, (_, i) => ({
        partition: 0,
        key: `k${i}`,
        value: JSON.stringify(event(i)),
      })),
    });
    // One event per batch, each committed once handled; the one after the k-th is held until
    // released, so the group's committed offset stays at k meanwhile.
    let handled = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const consumer = new IdempotentConsumer(kafka, {
      groupId,
      contract,
      maxBatchSize: 1,
      handler: async () => 'applied',
      batchHandler: async (events) => {
        if (++handled > committed) await held;
        return events.map(() => 'applied' as const);
      },
    });
    await consumer.start();
    try {
      await waitFor(() => handled > committed);
      const lags = (await readConsumerLag()).filter((l) => l.group === groupId);
      expect(lags).toEqual(
        expect.arrayContaining([
          { group: groupId, topic: contract.topic, partition: 0, lag: total - committed },
          { group: groupId, topic: contract.topic, partition: 1, lag: 0 },
        ]),
      );
      expect(lags).toHaveLength(2);

      const registry = new Registry();
      registerConsumerLagMetrics(registry);
      const sample = `jiceng_kafka_consumer_lag{group="${groupId}",topic="${contract.topic}",partition="0"}`;
      expect(await registry.metrics()).toContain(`${sample} ${total - committed}\n`);

      release();
      await waitFor(async () =>
        (await readConsumerLag()).some(
          (l) => l.group === groupId && l.partition === 0 && l.lag === 0,
        ),
      );
    } finally {
      release();
      await consumer.stop();
    }
    // A stopped consumer's group is no longer this process's to report.
    expect((await readConsumerLag()).filter((l) => l.group === groupId)).toEqual([]);
  });

  it('gives up on a broker that does not answer within the timeout and counts a scrape error', async () => {
    // A broker that accepts connections and never answers: a hung one.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const consumed = new ConsumedTopics();
      consumed.add(createKafka('jiceng-test-hung', [`127.0.0.1:${port}`]), groupId, contract.topic);
      const started = Date.now();
      await expect(readConsumerLag(consumed, 500)).rejects.toBeInstanceOf(ConsumerLagTimeoutError);
      expect(Date.now() - started).toBeLessThan(1500);

      const registry = new Registry();
      registerConsumerLagMetrics(registry, consumed, 500);
      const text = await registry.metrics();
      expect(text).toMatch(/^jiceng_kafka_consumer_lag_scrape_errors_total 1$/m);
      expect(text).not.toMatch(/^jiceng_kafka_consumer_lag\{/m);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
