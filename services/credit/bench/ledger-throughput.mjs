// Ledger consumer throughput and latency, side by side with the floor: a plain kafkajs
// produce → consume loop on the same broker and topic, committing each offset as the
// IdempotentConsumer does, with no handler.
//
//   npm run -s build && node services/credit/bench/ledger-throughput.mjs [--approvals 3000] [--samples 50]
//     [--kafka-nodes 1,3] [--credit-instances 1,2]
//
// Needs the local Kafka and Mongo-wire server (npm run infra:up). Starts its own credit service on
// a fresh database with consumer groups of its own, and removes both at the end.
//
// --kafka-nodes 1,3 measures on Kafkas of its own instead, one after the other in the same run: a
// single broker, then a three-broker cluster (infra/local KAFKA_NODES=3; topics with 3 replicas,
// min.insync.replicas 2, the producer waiting for acks=all as always), each fresh in
// tmp/bench-kafka-<nodes> and stopped afterwards. The Mongo-wire server stays the shared one.
//
// --credit-instances 1,2 measures the ledger with one credit instance, then with two side by side
// (one database, one set of consumer groups: Kafka splits the check-ins' partitions between them),
// each count on a fresh database and groups of its own, on the shared Kafka.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const mongoose = require('mongoose');
const events = require(join(root, 'dist/libs/events/src/index.js'));
const { createKafka, ensureTopics, EventProducer } = require(
  join(root, 'dist/libs/kafka/src/index.js'),
);
const { creditGroupTopics, deleteGroups } = require(
  join(root, 'dist/services/credit/src/replay/replay-lib.js'),
);

const rawArg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name, fallback) => (rawArg(name) === undefined ? fallback : Number(rawArg(name)));
const APPROVALS = arg('approvals', 3000);
const SAMPLES = arg('samples', 50);
const KAFKA_NODES = rawArg('kafka-nodes')?.split(',').map(Number);
const CREDIT_INSTANCES = rawArg('credit-instances')?.split(',').map(Number);
let run, dbName, prefix, floorGroup;
/** Names of a measurement's own: database, consumer groups. */
function newRun() {
  run = randomBytes(4).toString('hex');
  dbName = `jiceng_credit_bench_${run}`;
  prefix = `jiceng-credit-bench-${run}`;
  floorGroup = `jiceng-bench-floor-${run}`;
}
newRun();
const topic = events.Topics.volunteeringCheckins;
// The Kafka measured, and what the credit service needs to use it (KAFKA_BROKERS, replicas).
let kafka = createKafka('jiceng-credit-bench');
let producer = new EventProducer(kafka);
let kafkaEnv = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const newId = () => new mongoose.Types.ObjectId().toHexString();
const started = performance.now();
const log = (line) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

const community = newId();
const branch = newId();
const members = Array.from({ length: 100 }, newId);
const probes = Array.from({ length: SAMPLES }, newId);

function approval(memberId, taskPoints = 5) {
  const claimId = newId();
  return events.createEvent(events.checkInReviewedV1, {
    type: 'jiceng.volunteering.checkin.approved',
    subject: claimId,
    data: {
      claimId,
      taskId: newId(),
      communityId: community,
      claimantKind: 'MEMBER',
      memberId,
      organizationId: null,
      taskCategory: '文明创建',
      taskPoints,
      durationMinutes: 60,
      checkedInAt: '2023-06-10T01:00:00.000Z',
      checkedOutAt: '2023-06-10T02:00:00.000Z',
      reviewedAt: '2023-06-10T03:00:00.000Z',
    },
  });
}

const message = (event) => ({ key: event.subject, value: JSON.stringify(event) });
async function publishAll(list) {
  for (let i = 0; i < list.length; i += 500)
    await producer.send(topic, list.slice(i, i + 500).map(message));
}

/** Starts groups at the topics' current ends, so they see only what this run publishes. */
async function startAtEnd(groups) {
  const admin = kafka.admin();
  await admin.connect();
  for (const { groupId, topic: t } of groups) {
    const offsets = await admin.fetchTopicOffsets(t);
    await admin.setOffsets({
      groupId,
      topic: t,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
    });
  }
  await admin.disconnect();
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const summary = (ms) => ({
  p50: +percentile(ms, 50).toFixed(1),
  p95: +percentile(ms, 95).toFixed(1),
  max: +Math.max(...ms).toFixed(1),
});

async function floor() {
  await startAtEnd([{ groupId: floorGroup, topic }]);
  const consumer = kafka.consumer({ groupId: floorGroup, allowAutoTopicCreation: false });
  const seen = new Map();
  let waiting = null;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message: m }) => {
      const key = m.key?.toString();
      await consumer.commitOffsets([
        { topic, partition, offset: (BigInt(m.offset) + 1n).toString() },
      ]);
      seen.set(key, performance.now());
      if (waiting?.key === key) waiting.resolve();
    },
  });
  await sleep(3000); // the group joins
  const batch = Array.from({ length: APPROVALS }, () => approval(members[0]));
  const t0 = performance.now();
  await publishAll(batch);
  while (batch.some((e) => !seen.has(e.subject))) await sleep(20);
  const seconds = (Math.max(...batch.map((e) => seen.get(e.subject))) - t0) / 1000;
  const latencies = [];
  for (let i = 0; i < SAMPLES; i++) {
    const event = approval(members[0]);
    const received = new Promise((r) => (waiting = { key: event.subject, resolve: r }));
    const start = performance.now();
    await producer.send(topic, [message(event)]);
    await received;
    latencies.push(performance.now() - start);
  }
  await consumer.disconnect();
  return {
    perSecond: Math.round(APPROVALS / seconds),
    seconds: +seconds.toFixed(1),
    latencyMs: summary(latencies),
  };
}

async function startCredit() {
  mkdirSync(join(root, 'tmp', 'bench-logs'), { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const logFile = join(root, 'tmp', 'bench-logs', `credit-${run}-${port}.log`);
  const child = spawn(process.execPath, [join(root, 'dist/services/credit/src/main.js')], {
    env: {
      ...process.env,
      ...kafkaEnv,
      MONGO_DB: dbName,
      CREDIT_GROUP_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`credit exited; see ${logFile}`);
    const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (res?.ok) return child;
    await sleep(250);
  }
  throw new Error(`credit did not become healthy; see ${logFile}`);
}

async function lag(groups, ends) {
  const admin = kafka.admin();
  await admin.connect();
  let behind = 0n;
  for (const { groupId, topic: t } of groups) {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [t] });
    const at = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    for (const o of ends)
      behind +=
        BigInt(o.high) - (at.get(o.partition) ?? 0n) > 0n
          ? BigInt(o.high) - (at.get(o.partition) ?? 0n)
          : 0n;
  }
  await admin.disconnect();
  return behind;
}

/** Waits until the ledger group is stable with every consumer of every instance in it. */
async function ledgerGroupJoined(instances) {
  const admin = kafka.admin();
  await admin.connect();
  const perInstance = 3; // CREDIT_CONSUMERS_PER_GROUP's default
  try {
    for (let i = 0; i < 240; i++) {
      const [group] = (await admin.describeGroups([`${prefix}-ledger`])).groups;
      if (group.state === 'Stable' && group.members.length === instances * perInstance) return;
      await sleep(250);
    }
    throw new Error('the ledger group did not settle');
  } finally {
    await admin.disconnect();
  }
}

async function credit(instances = 1) {
  await startAtEnd(creditGroupTopics(prefix));
  const children = await Promise.all(Array.from({ length: instances }, startCredit));
  log(`credit: ${instances} instance(s) started`);
  const db = (
    await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName })
      .asPromise()
  ).db;
  try {
    const org = (id, name, parentId) =>
      events.createEvent(events.organizationLifecycleV1, {
        type: 'jiceng.organizations.organization.created',
        subject: id,
        data: {
          organizationId: id,
          version: 1,
          name,
          kind: 'BRANCH',
          sector: 'COMMUNITY',
          regionCode: '130903',
          status: 'ACTIVE',
          parentId,
          ancestorIds: parentId ? [parentId] : [],
          changedFields: ['*'],
        },
      });
    await producer.send(events.Topics.organizationsLifecycle, [
      message(org(community, '压测社区党委', null)),
      message(org(branch, '压测网格党支部', community)),
    ]);
    const member = (memberId) =>
      events.createEvent(events.memberLifecycleV1, {
        type: 'jiceng.members.member.registered',
        subject: memberId,
        data: {
          member: {
            memberId,
            version: 1,
            organizationId: branch,
            status: 'FULL',
            inService: false,
            unitOrganizationId: null,
            projectBranchId: null,
            communityId: null,
          },
          effectiveAt: '2023-01-01T00:00:00.000Z',
          changedFields: ['*'],
        },
      });
    await producer.send(
      events.Topics.membersLifecycle,
      [...members, ...probes].map((m) => message(member(m))),
    );
    while ((await db.collection('member_refs').countDocuments({})) < members.length + probes.length)
      await sleep(250);
    await sleep(3000); // the ledger group joins
    await ledgerGroupJoined(instances);
    log('credit: members known, publishing');

    const ledger = creditGroupTopics(prefix).filter((g) => g.topic === topic);
    const batch = Array.from({ length: APPROVALS }, (_, i) =>
      approval(members[i % members.length]),
    );
    const t0 = performance.now();
    await publishAll(batch);
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    while ((await lag(ledger, ends)) > 0n) await sleep(250);
    const seconds = (performance.now() - t0) / 1000;
    log(`credit: ${APPROVALS} applied in ${seconds.toFixed(1)} s; latency samples`);

    const latencies = [];
    for (const memberId of probes) {
      const event = approval(memberId);
      const start = performance.now();
      await producer.send(topic, [message(event)]);
      while (!(await db.collection('month_totals').findOne({ _id: `MEMBER:${memberId}|2023-06` })))
        await sleep(5);
      latencies.push(performance.now() - start);
    }
    const applied = await db.collection('ledger_entries').countDocuments({});
    return {
      perSecond: Math.round(APPROVALS / seconds),
      seconds: +seconds.toFixed(1),
      entries: applied,
      latencyMs: summary(latencies),
    };
  } finally {
    log('credit: stopping');
    await Promise.all(
      children.map((child) => {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    log('credit: stopped; dropping the database');
    await db.dropDatabase();
  }
}

/** Starts a fresh Kafka of `nodes` nodes of the bench's own and points the measurements at it. */
async function ownKafka(nodes) {
  const infra = await import('../../../infra/local/infra-lib.mjs');
  const base = 21_000 + 100 * nodes; // six ports from here on three nodes
  const env = {
    ...process.env,
    INFRA_STATE_DIR: join(root, 'tmp', `bench-kafka-${nodes}`),
    KAFKA_NODES: String(nodes),
    KAFKA_PORT: String(base),
    KAFKA_CONTROLLER_PORT: String(base + 1),
    KAFKA_PROVINCIAL_PORT: String(base + 2 * nodes), // not the shared broker's, if the env names it
  };
  await infra.reset({ env });
  await infra.up({ env, only: 'kafka', log: (line) => log(`  ${line}`) });
  const brokers = infra.kafkaBrokers(env);
  const replication = infra.kafkaReplication(nodes);
  newRun();
  kafka = createKafka('jiceng-credit-bench', brokers.split(','));
  producer = new EventProducer(kafka);
  kafkaEnv = {
    KAFKA_BROKERS: brokers,
    KAFKA_REPLICATION_FACTOR: String(replication.replicationFactor),
    KAFKA_MIN_INSYNC_REPLICAS: String(replication.minInsyncReplicas),
  };
  await ensureTopics(kafka, events.TOPIC_SPECS, replication);
  return { brokers, stop: () => infra.down({ env }) };
}

/** One broker and three, side by side: each its own fresh Kafka, the same measurements. */
async function byKafkaNodes() {
  const rows = [];
  for (const nodes of KAFKA_NODES) {
    log(`kafka: starting ${nodes} node(s)`);
    const cluster = await ownKafka(nodes);
    try {
      const load = loadAverage();
      const plain = await floor();
      const ledger = await credit();
      await producer.disconnect();
      rows.push({
        nodes,
        brokers: cluster.brokers,
        load: `${load} → ${loadAverage()}`,
        plain,
        ledger,
      });
    } finally {
      await cluster.stop();
    }
  }
  console.log(JSON.stringify({ approvals: APPROVALS, samples: SAMPLES, rows }, null, 2));
  console.log(
    `\n| brokers | load (1 min) | floor | credit ledger | latency p50 | p95 | max |\n|---|---|---|---|---|---|---|\n` +
      rows
        .map(
          ({ nodes, load, plain, ledger }) =>
            `| ${nodes} | ${load} | ${plain.perSecond}/s | ${ledger.perSecond}/s | ${ledger.latencyMs.p50} ms | ${ledger.latencyMs.p95} ms | ${ledger.latencyMs.max} ms |`,
        )
        .join('\n'),
  );
}

/** One credit instance and two, side by side on the shared Kafka, each on a fresh database. */
async function byCreditInstances() {
  const plain = await floor();
  await deleteGroups(kafka, [floorGroup]);
  const rows = [];
  for (const instances of CREDIT_INSTANCES) {
    newRun();
    const load = loadAverage();
    const ledger = await credit(instances);
    rows.push({ instances, load: `${load} → ${loadAverage()}`, ledger });
    await deleteGroups(
      kafka,
      creditGroupTopics(prefix).map((g) => g.groupId),
    );
  }
  await producer.disconnect();
  console.log(
    JSON.stringify({ approvals: APPROVALS, samples: SAMPLES, floor: plain, rows }, null, 2),
  );
  console.log(
    `\nfloor (plain kafkajs produce→consume): ${plain.perSecond}/s\n\n` +
      `| credit instances | load (1 min) | credit ledger | latency p50 | p95 | max |\n|---|---|---|---|---|---|\n` +
      rows
        .map(
          ({ instances, load, ledger }) =>
            `| ${instances} | ${load} | ${ledger.perSecond}/s | ${ledger.latencyMs.p50} ms | ${ledger.latencyMs.p95} ms | ${ledger.latencyMs.max} ms |`,
        )
        .join('\n'),
  );
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

async function main() {
  if (KAFKA_NODES) return byKafkaNodes();
  if (CREDIT_INSTANCES) return byCreditInstances();
  log(`floor: ${APPROVALS} messages, then ${SAMPLES} one by one`);
  const plain = await floor();
  log(`credit consumer: ${APPROVALS} approvals, then ${SAMPLES} one by one`);
  const ledger = await credit();
  log('removing consumer groups');
  await deleteGroups(kafka, [floorGroup, ...creditGroupTopics(prefix).map((g) => g.groupId)]);
  await producer.disconnect();
  console.log(
    JSON.stringify(
      { approvals: APPROVALS, samples: SAMPLES, floor: plain, credit: ledger },
      null,
      2,
    ),
  );
  console.log(
    `\n| | sustained | latency p50 | p95 | max |\n|---|---|---|---|---|\n` +
      `| plain kafkajs produce→consume (commit per message) | ${plain.perSecond}/s | ${plain.latencyMs.p50} ms | ${plain.latencyMs.p95} ms | ${plain.latencyMs.max} ms |\n` +
      `| credit ledger consumer (approval → balance stored) | ${ledger.perSecond}/s | ${ledger.latencyMs.p50} ms | ${ledger.latencyMs.p95} ms | ${ledger.latencyMs.max} ms |`,
  );
}

// Exit once the report is printed: a handle still open then (not tracked down) once kept the
// process alive for over half an hour after its report.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
