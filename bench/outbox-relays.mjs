// Two instances of a service relaying one outbox collection to Kafka: each process writes its half
// of the events to aggregates both write to, kicks its own relay after each write, and one process
// is killed (SIGKILL) halfway; the other finishes its writes and takes over what the dead one left.
// Then every message on the topic is counted: events lost (written, never published) and
// duplicates. Side by side, the same run with the relays not coordinating (both under one owner
// name, so each publishes whatever it reads, as relays did before claims).
//
//   npm run -s build && node bench/outbox-relays.mjs [--events 10000] [--aggregates 1000] [--rounds 1]
//
// Needs the local Kafka and Mongo-wire server (KAFKA_BROKERS, MONGO_URL); the database is removed
// at the end, the topic (jiceng.bench.outbox.v1) is kept and each run's events carry its run id.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROOT } from './load.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'dist', path));
const { createKafka, EventProducer } = dist('libs/kafka/src/index.js');
const { KafkaOutboxPublisher, MongoOutboxStore, OutboxRelay, withOutbox } = dist(
  'libs/outbox/src/index.js',
);
const { mongoUrlFromEnv } = dist('libs/mongo/src/index.js');
const mongoose = require('mongoose');

const TOPIC = 'jiceng.bench.outbox.v1';
const PARTITIONS = 6;
// Short, so that a dead instance's claims are taken over within seconds.
const CLAIM_MS = 3000;
const RELAY = { intervalMs: 200, scanIntervalMs: 1000, batchSize: 100 };
const WRITERS_IN_FLIGHT = 8;

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    aggregates: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '1' },
    // Child mode: one instance.
    child: { type: 'boolean', default: false },
    owner: { type: 'string' },
    db: { type: 'string' },
    run: { type: 'string' },
    part: { type: 'string' },
  },
});

const model = (connection) => {
  const schema = new mongoose.Schema({ _id: String });
  withOutbox(schema);
  return connection.model('BenchAggregate', schema, 'bench_aggregates');
};

/** One instance: writes events part, part+2, part+4, … and prints each acknowledged event id. */
async function instance() {
  const events = Number(values.events);
  const aggregates = Number(values.aggregates);
  const part = Number(values.part);
  const connection = await mongoose
    .createConnection(mongoUrlFromEnv(), { dbName: values.db })
    .asPromise();
  const Aggregates = model(connection);
  const producer = new EventProducer(createKafka(`bench-outbox-${values.owner}`));
  const relay = new OutboxRelay(
    new MongoOutboxStore(Aggregates, { owner: values.owner, claimMs: CLAIM_MS }),
    new KafkaOutboxPublisher(producer),
    { ...RELAY, onError: (e) => process.stderr.write(`relay: ${e}\n`) },
  );
  relay.start();
  let next = part;
  const write = async () => {
    for (; next < events;) {
      const n = next;
      next += 2;
      const aggregateId = `agg${n % aggregates}`;
      const eventId = `${values.run}-${n}`;
      await Aggregates.updateOne(
        { _id: aggregateId },
        {
          $push: {
            outbox: {
              eventId,
              topic: TOPIC,
              key: aggregateId,
              value: JSON.stringify({ n }),
              createdAt: new Date(),
            },
          },
        },
        { upsert: true },
      );
      relay.kick(aggregateId);
      process.stdout.write(`${eventId}\n`);
    }
  };
  await Promise.all(Array.from({ length: WRITERS_IN_FLIGHT }, write));
  process.stdout.write('written\n');
  // Keeps relaying (and taking over) until the parent stops it.
  process.once('SIGTERM', async () => {
    await relay.stop();
    await producer.disconnect();
    await connection.close();
    process.exit(0);
  });
}

function startInstance(args) {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--child', ...args], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked = new Set();
  let written = false;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => (line === 'written' ? (written = true) : acked.add(line)));
  return {
    child,
    acked,
    isWritten: () => written,
    exited: new Promise((r) => child.once('exit', r)),
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Messages of this run on the topic, by event id (from `ends` before the run to the ends now). */
async function topicCounts(kafka, run, startOffsets) {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(TOPIC);
  await admin.disconnect();
  const counts = new Map();
  const left = new Map(
    ends
      .filter((p) => BigInt(p.high) > BigInt(startOffsets.get(p.partition) ?? '0'))
      .map((p) => [p.partition, BigInt(p.high)]),
  );
  if (!left.size) return counts;
  const consumer = kafka.consumer({ groupId: `bench-outbox-count-${run}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  let done;
  const finished = new Promise((r) => (done = r));
  consumer.run({
    eachMessage: async ({ partition, message }) => {
      const id = message.headers?.['ce-id']?.toString();
      if (id?.startsWith(`${run}-`)) counts.set(id, (counts.get(id) ?? 0) + 1);
      if (BigInt(message.offset) + 1n >= left.get(partition)) left.delete(partition);
      if (!left.size) done();
    },
  });
  await new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
  for (const [partition] of left)
    consumer.seek({ topic: TOPIC, partition, offset: startOffsets.get(partition) ?? '0' });
  await finished;
  await consumer.disconnect();
  await admin.connect();
  await admin.deleteGroups([`bench-outbox-count-${run}`]).catch(() => undefined);
  await admin.disconnect();
  return counts;
}

async function oneRun(kafka, coordinated) {
  const run = randomBytes(4).toString('hex');
  const db = `jiceng_bench_outbox_${run}`;
  const admin = kafka.admin();
  await admin.connect();
  if (!(await admin.listTopics()).includes(TOPIC))
    await admin.createTopics({
      topics: [{ topic: TOPIC, numPartitions: PARTITIONS }],
      waitForLeaders: true,
    });
  const startOffsets = new Map(
    (await admin.fetchTopicOffsets(TOPIC)).map((p) => [p.partition, p.high]),
  );
  await admin.disconnect();
  const connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName: db }).asPromise();
  const Aggregates = model(connection);
  await Aggregates.init();

  const events = Number(values.events);
  const args = (owner, part) => [
    ...['--owner', owner, '--db', db, '--run', run, '--part', String(part)],
    ...['--events', String(events), '--aggregates', values.aggregates],
  ];
  const started = Date.now();
  const one = startInstance(args(coordinated ? 'one' : 'shared', 0));
  const two = startInstance(args(coordinated ? 'two' : 'shared', 1));
  await until(() => one.acked.size + two.acked.size >= events / 2, 300_000, 'half the writes');
  one.child.kill('SIGKILL');
  await one.exited;
  await until(() => two.isWritten(), 300_000, 'the survivor to finish writing');
  await until(
    async () => (await Aggregates.countDocuments({ 'outbox.eventId': { $exists: true } })) === 0,
    300_000,
    'every outbox to empty',
  );
  const seconds = (Date.now() - started) / 1000;
  two.child.kill('SIGTERM');
  await two.exited;

  const counts = await topicCounts(kafka, run, startOffsets);
  const acked = new Set([...one.acked, ...two.acked]);
  const lost = [...acked].filter((id) => !counts.has(id)).length;
  const messages = [...counts.values()].reduce((a, b) => a + b, 0);
  await connection.dropDatabase();
  await connection.close();
  return { acked: acked.size, distinct: counts.size, messages, lost, seconds };
}

async function main() {
  const kafka = createKafka('bench-outbox');
  const rows = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const coordinated of [true, false]) {
      const r = await oneRun(kafka, coordinated);
      const label = coordinated ? 'claims (two owners)' : 'no coordination (one owner name)';
      rows.push({ label, ...r });
      process.stderr.write(
        `${label}: ${r.acked} written, ${r.distinct} published, ${r.messages - r.distinct} duplicates, ${r.lost} lost, ${r.seconds.toFixed(1)} s\n`,
      );
    }
  }
  console.log('| relays | written | published | duplicates | per 10,000 | lost | seconds |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const dup = r.messages - r.distinct;
    console.log(
      `| ${r.label} | ${r.acked} | ${r.distinct} | ${dup} | ${((dup * 10_000) / r.acked).toFixed(0)} | ${r.lost} | ${r.seconds.toFixed(1)} |`,
    );
  }
}

if (values.child) await instance();
else await main();
