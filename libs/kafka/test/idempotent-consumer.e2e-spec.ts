import { randomBytes } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';
import {
  createEvent,
  organizationLifecycleV1,
  type EventContract,
  type OrganizationLifecycleV1,
} from '@jiceng/events';
import { isDuplicateKeyError, mongoUrlFromEnv } from '@jiceng/mongo';
import {
  createKafka,
  EventProducer,
  ensureTopics,
  IdempotentConsumer,
  type HandlerOutcome,
} from '../src';

// libs/testing builds on this library, so this test keeps its own two small helpers.
async function waitFor(
  check: () => Promise<boolean | undefined>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function collect(kafka: Kafka, topic: string) {
  const messages: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: `test-dlq-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, stop: () => consumer.disconnect() };
}

// Over the real broker and Mongo-wire server: effects stored once per event id, offsets
// committed after the effect, poison messages dead-lettered while the consumer carries on.
describe('IdempotentConsumer over Kafka and Mongo', () => {
  const run = randomBytes(4).toString('hex');
  const contract: EventContract<OrganizationLifecycleV1> = {
    ...organizationLifecycleV1,
    topic: `jiceng.test.consumer-${run}.v1`,
  };
  const kafka = createKafka('jiceng-test');
  const producer = new EventProducer(kafka);
  let db: Connection;
  const effects = () => db.model('Effect');

  const event = (n: number) =>
    createEvent(contract, {
      type: 'jiceng.organizations.organization.created',
      subject: `6b02d8672a6584f6ec0${String(n).padStart(5, '0')}`,
      data: {
        organizationId: `6b02d8672a6584f6ec0${String(n).padStart(5, '0')}`,
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

  const handler = async (e: {
    id: string;
    data: OrganizationLifecycleV1;
  }): Promise<HandlerOutcome> => {
    try {
      await effects().create({ eventId: e.id, organizationId: e.data.organizationId });
      return 'applied';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  };

  beforeAll(async () => {
    await ensureTopics(kafka, [{ name: contract.topic, partitions: 3 }]);
    db = await mongoose
      .createConnection(mongoUrlFromEnv(), { dbName: `jiceng_consumer_test_${run}` })
      .asPromise();
    db.model(
      'Effect',
      new mongoose.Schema<{ eventId: string; organizationId: string }>({
        eventId: { type: String, required: true, unique: true },
        organizationId: { type: String, required: true },
      }),
    );
    await effects().init();
  });

  afterAll(async () => {
    await producer.disconnect();
    await db.dropDatabase();
    await db.close();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [contract.topic, `${contract.topic}.dlq`] })
      .catch(() => undefined);
    await admin.disconnect();
  });

  it('applies each event once, dead-letters poison and survives a restart', async () => {
    const events = Array.from({ length: 30 }, (_, i) => event(i));
    const send = (values: string[]) =>
      producer.send(
        contract.topic,
        values.map((value, i) => ({ key: `k${i % 5}`, value })),
      );
    const dlq = await collect(kafka, `${contract.topic}.dlq`);
    const groupId = `test-group-${run}`;

    const first = new IdempotentConsumer(kafka, {
      groupId,
      contract,
      handler,
      retry: { attempts: 2, backoffMs: 10 },
    });
    await first.start();
    // Every event twice (a relay that crashed before marking), and one message that is not an event.
    await send(
      [...events.slice(0, 15), '{"not":"an event"}', ...events.slice(0, 15)].map((e) =>
        typeof e === 'string' ? e : JSON.stringify(e),
      ),
    );
    await waitFor(async () => ((await effects().countDocuments()) === 15 ? true : undefined));
    await waitFor(async () => dlq.messages.length === 1);
    await first.stop();

    // A new instance of the same group resumes after the committed offsets and keeps going.
    const second = new IdempotentConsumer(kafka, { groupId, contract, handler });
    await second.start();
    await send([...events.slice(15), ...events.slice(10, 20)].map((e) => JSON.stringify(e)));
    await waitFor(async () => ((await effects().countDocuments()) === 30 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000));
    await second.stop();
    await dlq.stop();

    expect(await effects().countDocuments()).toBe(30);
    expect(
      new Set((await effects().find().lean<{ eventId: string }[]>()).map((e) => e.eventId)),
    ).toEqual(new Set(events.map((e) => e.id)));
    // The DLQ is at least once too: a stop before the poison's batch was committed (a slow group
    // coordinator on a fresh broker) dead-letters it again; its source position identifies it.
    const sources = new Set(
      dlq.messages.map(
        (m) =>
          `${m.headers?.['x-dlq-source-partition']?.toString()}:${m.headers?.['x-dlq-source-offset']?.toString()}`,
      ),
    );
    expect(sources.size).toBe(1);
    expect(dlq.messages[0].headers?.['x-dlq-error']?.toString()).toMatch(/Invalid CloudEvent/);
    expect(dlq.messages[0].headers?.['x-dlq-consumer-group']?.toString()).toBe(groupId);
  });
});
