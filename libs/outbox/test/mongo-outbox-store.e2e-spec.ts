import { randomBytes } from 'node:crypto';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import {
  MongoOutboxStore,
  OutboxRelay,
  withOutbox,
  type OutboxPublisher,
  type OutboxRecord,
} from '../src';

interface Aggregate {
  _id: string;
  outbox: OutboxRecord[];
  outboxClaim?: { by: string; until: Date };
}

const record = (aggregate: string, n: number): OutboxRecord => ({
  eventId: `${aggregate}-${n}`,
  topic: 'jiceng.test.stream.v1',
  key: aggregate,
  value: `{"n":${n}}`,
  createdAt: new Date(),
});

class Published implements OutboxPublisher {
  readonly eventIds: string[] = [];
  async publish(records: OutboxRecord[]) {
    // A send takes a moment, so that two relays' passes overlap.
    await new Promise((r) => setTimeout(r, 2));
    this.eventIds.push(...records.map((r) => r.eventId));
  }
}

const relayOptions = { intervalMs: 20, scanIntervalMs: 60_000, batchSize: 50 };

// Two instances of a service relay the same collection over the real Mongo-wire server: claims
// keep each record to one of them, and a dead instance's claims are taken over once they expire.
describe('MongoOutboxStore claims between relays', () => {
  const dbName = `jiceng_test_outbox_claims_${randomBytes(4).toString('hex')}`;
  let connection: Connection;
  let aggregates: Model<Aggregate>;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    const schema = new Schema<Aggregate>({ _id: String });
    withOutbox(schema);
    aggregates = connection.model('Aggregate', schema);
    await aggregates.init(); // its indexes, before the first write
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });
  beforeEach(() => aggregates.deleteMany({}));

  const write = (id: string, ...records: OutboxRecord[]) =>
    aggregates.updateOne({ _id: id }, { $push: { outbox: { $each: records } } }, { upsert: true });
  const pendingIds = async () =>
    (await aggregates.find({ 'outbox.eventId': { $exists: true } }).lean()).map((a) => a._id);

  it('gives an aggregate to one relay at a time and frees it when published', async () => {
    await write('a', record('a', 1));
    const one = new MongoOutboxStore(aggregates, { owner: 'one', claimMs: 30_000 });
    const two = new MongoOutboxStore(aggregates, { owner: 'two', claimMs: 30_000 });

    const first = await one.claim(10, ['a']);
    expect(first.claimed.map((c) => c.records.map((r) => r.eventId))).toEqual([['a-1']]);
    expect(await two.claim(10, ['a'])).toEqual({ claimed: [], held: ['a'] });
    expect((await two.claim(10)).claimed).toEqual([]); // a search skips it too

    await write('a', record('a', 2)); // written by the second instance meanwhile
    await one.markPublished([{ aggregateId: 'a', eventIds: ['a-1'] }]);
    const second = await two.claim(10, ['a']);
    expect(second.claimed.map((c) => c.records.map((r) => r.eventId))).toEqual([['a-2']]);
    await two.markPublished([{ aggregateId: 'a', eventIds: ['a-2'] }]);
    expect(await pendingIds()).toEqual([]);
    expect((await aggregates.findById('a').lean())?.outboxClaim).toBeUndefined();
  });

  it('lets another relay take over the claim of one that died, once it expires', async () => {
    await write('a', record('a', 1));
    let now = new Date('2026-01-01T00:00:00Z');
    const clock = () => now;
    const dead = new MongoOutboxStore(aggregates, { owner: 'dead', claimMs: 5_000, now: clock });
    const alive = new MongoOutboxStore(aggregates, { owner: 'alive', claimMs: 5_000, now: clock });
    await dead.claim(10); // and never marks it

    now = new Date(now.getTime() + 4_999);
    expect((await alive.claim(10)).claimed).toEqual([]);
    now = new Date(now.getTime() + 2);
    const taken = await alive.claim(10);
    expect(taken.claimed.map((c) => c.aggregateId)).toEqual(['a']);
    // The late relay's mark still removes what it published, but leaves the new claim alone.
    await dead.markPublished([{ aggregateId: 'a', eventIds: [] }]);
    expect((await aggregates.findById('a').lean())?.outboxClaim?.by).toBe('alive');
  });

  it('publishes each of 2,000 records once with two relays kicked for the same aggregates', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `agg${i}`);
    const published = new Published();
    const relays = ['one', 'two'].map(
      (owner) =>
        new OutboxRelay(
          new MongoOutboxStore(aggregates, { owner, claimMs: 30_000 }),
          published,
          relayOptions,
        ),
    );
    relays.forEach((relay) => relay.start());
    // Ten rounds of writes to every aggregate, each round named to both relays, as when both
    // instances write to the same aggregates.
    for (let round = 0; round < 10; round++) {
      await Promise.all(ids.map((id) => write(id, record(id, round))));
      for (const id of ids) relays.forEach((relay) => relay.kick(id));
    }
    const deadline = Date.now() + 60_000;
    while ((await pendingIds()).length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await Promise.all(relays.map((relay) => relay.stop()));

    expect(await pendingIds()).toEqual([]);
    expect(published.eventIds).toHaveLength(2_000);
    expect(new Set(published.eventIds).size).toBe(2_000);
    for (const id of ids) {
      const order = published.eventIds.filter((e) => e.startsWith(`${id}-`));
      expect(order).toEqual(Array.from({ length: 10 }, (_, n) => `${id}-${n}`));
    }
  }, 90_000);
});
