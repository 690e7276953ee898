// The broker's provincial listener: with the provincial credentials, the provincial example
// consumes a firm bonus the platform published; the same principal is refused internal topics,
// every write and groups outside its prefix, and a wrong password is refused outright. Runs
// against the broker `infra.mjs up` starts (KAFKA_PORT, KAFKA_PROVINCIAL_PORT, ...), over real
// connections, with the built libs (`npm run build`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { config, provincialAccess, up } from '../infra-lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const events = require(join(ROOT, 'dist/libs/events/src/index.js'));
const { createKafka, ensureTopics, kafkaBrokersFromEnv } = require(
  join(ROOT, 'dist/libs/kafka/src/index.js'),
);

const { kafka: broker } = config();
const PROVINCIAL_BROKERS = [`127.0.0.1:${broker.provincial.port}`];
const { user, password } = broker.provincial;
const { groupPrefix } = provincialAccess();
const run = `${process.pid}-${Date.now()}`;
const INTERNAL_TOPIC = events.Topics.membersLifecycle;

/**
 * A kafkajs client on the provincial listener, as a provincial system configures it. `brokerErrors`
 * collects the error codes kafkajs logs at debug level only: it tries every broker for a group's
 * coordinator and throws "not found" without the broker's reason.
 */
const provincialClient = (credentials = { username: user, password }, brokerErrors = []) =>
  new Kafka({
    clientId: 'provincial-access-test',
    brokers: PROVINCIAL_BROKERS,
    sasl: { mechanism: 'scram-sha-512', ...credentials },
    logLevel: logLevel.DEBUG,
    logCreator:
      () =>
      ({ log }) => {
        if (log.error?.type) brokerErrors.push(log.error.type);
      },
    retry: { retries: 0 },
    connectionTimeout: 5000,
  });

/** The Kafka error code behind a kafkajs error (wrappers keep it as cause, originalError or errors). */
const errorType = (err) =>
  err &&
  (err.type ?? [err.cause, err.originalError, ...(err.errors ?? [])].map(errorType).find(Boolean));

const refusedWith = (type) => (err) => {
  assert.equal(errorType(err), type, `${err?.name}: ${err?.message}`);
  return true;
};

/** Runs the provincial example and resolves the first stdout line that contains `text`. */
function exampleLine(env, text, timeoutMs = 60_000) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'examples/provincial-consumer/consume-firm-bonus.mjs')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const line = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no line with ${text} in ${timeoutMs / 1000}s; output:\n${output}`)),
      timeoutMs,
    );
    const onData = (data) => {
      output += data;
      const found = output.split('\n').find((l) => l.includes(text));
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example exited (${code}) before printing ${text}; output:\n${output}`));
    });
  });
  return { line, stop: () => child.kill('SIGTERM') };
}

/** A consumer run's first crash (kafkajs reports group errors there, not from run()). */
function crashOf(consumer) {
  return new Promise((resolve) =>
    consumer.on(consumer.events.CRASH, ({ payload }) => resolve(payload.error)),
  );
}

const internal = createKafka('provincial-access-test', kafkaBrokersFromEnv());
const producer = internal.producer();
const clients = [];
const track = (client) => {
  clients.push(client);
  return client;
};

/** Resolves whether something accepts connections on 127.0.0.1:port. */
const listening = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

before(async () => {
  if (process.env.JICENG_EXTERNAL_INFRA !== '1') await up(); // as libs/testing's global setup
  // A broker started before the provincial listener existed is left running by `up`: fail here,
  // with what to do, rather than with six connection errors.
  assert.ok(
    await listening(broker.provincial.port),
    `nothing listens on ${PROVINCIAL_BROKERS[0]}: restart the broker (npm run infra:down && npm run infra:up) to add the provincial listener`,
  );
  await ensureTopics(
    internal,
    events.TOPIC_SPECS.filter((spec) =>
      [events.Topics.creditFirmBonus, INTERNAL_TOPIC].includes(spec.name),
    ),
  );
  await producer.connect();
});

after(async () => {
  await Promise.all(clients.map((client) => client.disconnect().catch(() => {})));
  await producer.disconnect();
});

describe(`the provincial listener (127.0.0.1:${broker.provincial.port}, SCRAM-SHA-512, User:${user})`, () => {
  test('the provincial example consumes a firm bonus the platform published', async () => {
    // An 18-character unified social credit code of our own, to find our event among others.
    const creditCode = `91${randomBytes(8).toString('hex').toUpperCase()}`;
    const event = events.createEvent(events.firmBonusV1, {
      type: 'jiceng.credit.firm-bonus.tier-changed',
      subject: randomBytes(12).toString('hex'),
      data: {
        firmId: randomBytes(12).toString('hex'),
        creditCode,
        period: '2024-Q2',
        points: 1200,
        tier: 'B',
        previousTier: null,
        bonusScore: 2,
        ruleVersion: 'v1',
        sequence: 1,
      },
    });
    await producer.send({
      topic: events.Topics.creditFirmBonus,
      messages: [{ key: event.subject, value: JSON.stringify(event) }],
    });
    const example = exampleLine(
      {
        KAFKA_BROKERS: PROVINCIAL_BROKERS.join(','),
        KAFKA_USERNAME: user,
        KAFKA_PASSWORD: password,
        GROUP_ID: `${groupPrefix}access-test-${run}`,
      },
      creditCode,
    );
    try {
      assert.equal(
        await example.line,
        `${creditCode}  2024-Q2  tier B  bonus score +2  1200 points  rules v1`,
      );
    } finally {
      example.stop();
    }
  });

  test('it may read nothing but the published topics: an internal topic is refused', async () => {
    assert.ok(!provincialAccess().topics.includes(INTERNAL_TOPIC));
    const brokerErrors = [];
    const consumer = track(
      provincialClient(undefined, brokerErrors).consumer({
        groupId: `${groupPrefix}internal-${run}`,
      }),
    );
    await consumer.connect();
    await assert.rejects(
      consumer.subscribe({ topic: INTERNAL_TOPIC, fromBeginning: true }),
      refusedWith('TOPIC_AUTHORIZATION_FAILED'),
    );
  });

  test('it may write nothing: producing to a published topic or an internal one is refused', async () => {
    const provincialProducer = track(provincialClient().producer({ retry: { retries: 0 } }));
    await provincialProducer.connect();
    for (const topic of [events.Topics.creditFirmBonus, INTERNAL_TOPIC]) {
      await assert.rejects(
        provincialProducer.send({ topic, messages: [{ key: 'k', value: '{}' }] }),
        refusedWith('TOPIC_AUTHORIZATION_FAILED'),
        topic,
      );
    }
  });

  test('it may create no topic', async () => {
    const admin = track(provincialClient().admin());
    await admin.connect();
    await assert.rejects(
      admin.createTopics({ topics: [{ topic: `jiceng.provincial.test.v1`, numPartitions: 1 }] }),
      refusedWith('TOPIC_AUTHORIZATION_FAILED'),
    );
  });

  test(`a consumer group outside ${groupPrefix}* is refused`, async () => {
    const brokerErrors = [];
    const consumer = track(
      provincialClient(undefined, brokerErrors).consumer({
        groupId: `credit-access-test-${run}`,
        retry: { retries: 0, restartOnFailure: async () => false },
      }),
    );
    await consumer.connect();
    await consumer.subscribe({ topic: events.Topics.creditFirmBonus, fromBeginning: true });
    const crashed = crashOf(consumer);
    await consumer.run({ eachMessage: async () => {} });
    const crash = await crashed;
    assert.equal(crash.name, 'KafkaJSGroupCoordinatorNotFound', crash.message);
    assert.deepEqual([...new Set(brokerErrors)], ['GROUP_AUTHORIZATION_FAILED']);
  });

  test('a wrong password is refused at authentication', async () => {
    const consumer = track(
      provincialClient({ username: user, password: `${password}-wrong` }).consumer({
        groupId: `${groupPrefix}wrong-password-${run}`,
      }),
    );
    await assert.rejects(consumer.connect(), (err) => {
      assert.equal(err.name, 'KafkaJSSASLAuthenticationError', err.message);
      assert.match(err.message, /SASL SCRAM SHA512 authentication failed/);
      return true;
    });
  });
});
