import mongoose, { type Connection } from 'mongoose';
import { TOPIC_SPECS, Topics, type CheckInReviewedV1, type CloudEvent } from '@jiceng/events';
import {
  ConsumedTopics,
  createKafka,
  ensureTopics,
  EventProducer,
  readConsumerLag,
} from '@jiceng/kafka';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  startApp,
  startKafkaCluster,
  waitFor,
  type AppProcess,
  type KafkaCluster,
} from '@jiceng/testing';
import { accountKey } from '../src/account/account';
import { creditGroupTopics } from '../src/replay/replay-lib';
import {
  checkIn,
  expectedMonthTotals,
  memberEvent,
  newId,
  orgEvent,
  publish,
  runId,
} from './support';

// The credit ledger on a three-broker cluster (topics with 3 replicas, min.insync.replicas 2,
// an idempotent producer with acks=all): the broker that coordinates the consumer groups and
// leads a third of the check-in partitions is SIGKILLed in the middle of 10,000 approvals and
// restarted a few seconds later. Every approval must be acknowledged to the producer, stored on
// the topic once, and counted in the balances exactly once.

const APPROVALS = 10_000;
const KILL_AFTER = 4_000;
const BATCH = 250;
const run = runId();
const dbName = `jiceng_credit_failover_${run}`;
const prefix = `jiceng-credit-failover-${run}`;

// A deterministic pseudo-random sequence, so a failure can be reproduced.
let seed = 20231201;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`[broker-failover] ${line}\n`);

describe('ledger on a three-broker cluster', () => {
  let cluster: KafkaCluster;
  let kafka: ReturnType<typeof createKafka>;
  let producer: EventProducer;
  let credit: AppProcess;
  let db: Connection;

  const community = newId();
  const branches = Array.from({ length: 10 }, newId);
  const members = Array.from({ length: 200 }, (_, i) => ({
    memberId: newId(),
    organizationId: branches[i % branches.length],
  }));

  beforeAll(async () => {
    const started = Date.now();
    cluster = await startKafkaCluster('broker-failover');
    log(`cluster ${cluster.brokers.join(',')} up in ${(Date.now() - started) / 1000} s`);
    kafka = createKafka('jiceng-credit-failover-test', cluster.brokers);
    producer = new EventProducer(kafka);
    // Created here first, as every service creates them with KAFKA_REPLICATION_FACTOR=3 (the
    // test helpers that create topics read this process's settings, one replica).
    await ensureTopics(kafka, TOPIC_SPECS, { replicationFactor: 3, minInsyncReplicas: 2 });
    // The cluster is fresh and its topics empty, so the service's new groups start at the
    // beginning with nothing of anyone else's before them: no offsets to set. (Setting them
    // right after the topics' creation failed at times, and kafkajs's setOffsets then left its
    // consumer in the group, which failed the retry and kept the run open.)
    credit = await startApp('services/credit', {
      ...cluster.appEnv,
      MONGO_DB: dbName,
      CREDIT_GROUP_PREFIX: prefix,
    });
    db = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    const c = { id: community, ancestorIds: [] };
    await publish(producer, [
      orgEvent(community, '容灾社区党委', null, 'PARTY_COMMITTEE'),
      ...branches.map((b, i) => orgEvent(b, `容灾第${i + 1}网格党支部`, c, 'BRANCH', 'GRID')),
      ...members.map((m) => memberEvent(m)),
    ]);
    await waitFor(
      async () =>
        (await db.collection('member_refs').countDocuments({})) === members.length
          ? true
          : undefined,
      60_000,
      250,
    );
    log(`credit ready in ${(Date.now() - started) / 1000} s`);
  }, 300_000);

  afterAll(async () => {
    await credit?.stop();
    await producer?.disconnect();
    await db?.dropDatabase();
    await db?.close();
    await cluster?.stop();
  }, 120_000);

  it('keeps every topic at 3 replicas, 2 of them needed for a write', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [Topics.volunteeringCheckins] });
      expect(topics[0].partitions.map((p) => p.replicas.length)).toEqual([3, 3, 3, 3, 3, 3]);
      const { resources } = await admin.describeConfigs({
        resources: [{ type: 2, name: Topics.volunteeringCheckins }], // 2: topic
        includeSynonyms: false,
      });
      const minIsr = resources[0].configEntries.find((e) => e.configName === 'min.insync.replicas');
      expect(minIsr?.configValue).toBe('2');
    } finally {
      await admin.disconnect();
    }
  });

  it('counts 10,000 approvals exactly once through a SIGKILLed broker', async () => {
    const start = Date.UTC(2023, 7, 31, 16); // 2023-09-01 00:00 in Shanghai
    const span = 92 * 24 * 3600 * 1000; // September to November
    const approvals: CloudEvent<CheckInReviewedV1>[] = Array.from({ length: APPROVALS }, (_, i) => {
      const reviewedAt = new Date(start + Math.floor(random() * span)).toISOString();
      const taskPoints = 1 + Math.floor(random() * 20);
      return i % 20 === 0
        ? checkIn({
            organizationId: pick(branches),
            communityId: community,
            taskPoints,
            reviewedAt,
          })
        : checkIn({
            memberId: pick(members).memberId,
            communityId: community,
            taskPoints,
            reviewedAt,
          });
    });
    const { granted: expected } = expectedMonthTotals(approvals, (memberId) => {
      const member = members.find((m) => m.memberId === memberId);
      return member
        ? { branchId: member.organizationId, unitOrganizationId: null, firmId: null }
        : null;
    });

    // The broker to kill: the coordinator of the consumer groups (the leader of the one offsets
    // partition), which also leads some of the check-in partitions.
    const admin = kafka.admin();
    await admin.connect();
    const leaders = async (topic: string) =>
      (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions.map(
        (p) => p.leader,
      );
    const victim = (await leaders('__consumer_offsets'))[0];
    log(
      `victim: node ${victim}; check-in partition leaders ${await leaders(Topics.volunteeringCheckins)}`,
    );

    const started = Date.now();
    let acknowledged = 0;
    const produce = async (from: number, to: number) => {
      for (let i = from; i < to; i += BATCH) {
        const batch = approvals.slice(i, Math.min(i + BATCH, to));
        await publish(producer, batch);
        acknowledged += batch.length;
      }
    };
    await produce(0, KILL_AFTER);
    await cluster.killNode(victim);
    log(
      `node ${victim} killed after ${acknowledged} approvals, ${(Date.now() - started) / 1000} s`,
    );
    const restart = (async () => {
      await sleep(5_000);
      await cluster.startNode(victim);
      log(`node ${victim} back at ${(Date.now() - started) / 1000} s`);
    })();
    await produce(KILL_AFTER, APPROVALS);
    log(`all ${acknowledged} acknowledged at ${(Date.now() - started) / 1000} s`);
    await restart;
    expect(acknowledged).toBe(APPROVALS);

    // Stored once each: the idempotent producer's retries after the kill added no copies. (A
    // partition's new leader learns how far its followers got one fetch later: the high
    // watermark may trail the acknowledged writes for a moment.)
    const stored = async () =>
      (await admin.fetchTopicOffsets(Topics.volunteeringCheckins)).reduce(
        (n, o) => n + Number(o.high) - Number(o.low),
        0,
      );
    const count = await waitFor(
      async () => {
        const n = await stored();
        return n >= APPROVALS ? n : undefined;
      },
      30_000,
      500,
    ).catch(() => stored());
    expect(count).toBe(APPROVALS);
    log(`partition leaders now ${await leaders(Topics.volunteeringCheckins)}`);
    await admin.disconnect();

    // Consumed to the end: no lag on any partition of the ledger's group.
    const consumed = new ConsumedTopics();
    for (const { groupId, topic } of creditGroupTopics(prefix).filter(
      (g) => g.topic === Topics.volunteeringCheckins,
    ))
      consumed.add(kafka, groupId, topic);
    const lag = await waitFor(
      async () => {
        const lags = await readConsumerLag(consumed, 10_000).catch(() => undefined);
        return lags?.every((p) => p.lag === 0) ? lags : undefined;
      },
      600_000,
      500,
    );
    expect(lag.map((p) => [p.partition, p.lag]).sort(([a], [b]) => a - b)).toEqual(
      [0, 1, 2, 3, 4, 5].map((p) => [p, 0]),
    );
    log(`${APPROVALS} approvals in balances ${(Date.now() - started) / 1000} s after the first`);

    // Every approval applied once: one application each, one entry per approval and account.
    const applications = db.collection('ledger_applications');
    expect(await applications.countDocuments({ kind: 'APPROVAL', state: 'DONE' })).toBe(APPROVALS);
    expect(await applications.countDocuments({})).toBe(APPROVALS);
    const sources = await db.collection('ledger_entries').distinct('sourceEventId');
    expect(sources.length).toBe(APPROVALS);

    // Every member's and organization's balance month by month, and every member's wallet.
    const totals = await db.collection('month_totals').find({}).toArray();
    const actual = new Map(
      totals.filter((t) => t.requested || t.granted).map((t) => [String(t._id), t.granted]),
    );
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(totals.every((t) => t.pending.length === 0)).toBe(true);
    const accounts = members.map((m) => accountKey('MEMBER', m.memberId));
    const wallets = await db
      .collection('wallets')
      .find({ _id: { $in: accounts } as any })
      .toArray();
    expect(wallets.length).toBe(accounts.length);
    for (const w of wallets) {
      const earned = [...expected]
        .filter(([id]) => id.startsWith(`${w._id}|`))
        .reduce((a, [, p]) => a + p, 0);
      expect([w._id, w.earned, w.available, w.pending.length]).toEqual([w._id, earned, earned, 0]);
    }
  }, 600_000);
});
