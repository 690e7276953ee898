// The local Mongo-wire server behaves like MongoDB where this platform relies on it: filters
// that pin a unique index's keys use the index, maxTimeMS is honoured, and one connection's long
// scan does not stall another's reads. Runs against the server `infra.mjs up` starts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { up } from '../infra-lib.mjs';

const { mongo } = createRequire(import.meta.url)('mongoose');
const { MongoClient, ObjectId } = mongo;

const MONGO_URL = process.env.MONGO_URL ?? `mongodb://127.0.0.1:${process.env.MONGO_PORT ?? 27017}`;
const DOCS = 100_000;

let client;
let db;
let members;
const ids = [];

const msPerOp = async (ops, fn) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / ops;
};

before(async () => {
  if (process.env.JICENG_EXTERNAL_INFRA !== '1') await up(); // as libs/testing's global setup
  client = await MongoClient.connect(MONGO_URL);
  db = client.db(`local_store_test_${process.pid}`);
  members = db.collection('members');
  for (let i = 0; i < DOCS; i += 10_000) {
    const docs = [];
    for (let j = i; j < i + 10_000; j++) {
      const _id = new ObjectId();
      ids.push(_id);
      docs.push({
        _id,
        version: 1,
        org: `o${j % 500}`,
        seq: j,
        status: j % 7 === 0 ? 'LEFT' : 'FULL',
      });
    }
    await members.insertMany(docs);
  }
});

after(async () => {
  await db?.dropDatabase();
  await client?.close();
});

describe(`a collection of ${DOCS.toLocaleString('en')} documents`, () => {
  test('a compare-and-set on { _id, version } answers in milliseconds and only when the version holds', async () => {
    const ms = await msPerOp(50, async (i) => {
      const res = await members.updateOne(
        { _id: ids[i * 1999], version: 1 },
        { $set: { version: 2 } },
      );
      assert.equal(res.modifiedCount, 1);
    });
    assert.ok(ms < 100, `updateOne({ _id, version }) took ${ms.toFixed(1)} ms per call`);
    const stale = await members.updateOne({ _id: ids[0], version: 1 }, { $set: { version: 3 } });
    assert.equal(stale.matchedCount, 0);
    assert.equal((await members.findOne({ _id: ids[0] })).version, 2);
  });

  test('_id $in beside other conditions applies the whole filter to the candidates', async () => {
    const some = ids.slice(0, 70);
    const found = await members
      .find({ _id: { $in: some }, status: 'FULL', seq: { $gte: 7 } })
      .toArray();
    const expected = some.filter((_, j) => j % 7 !== 0 && j >= 7).map(String);
    assert.deepEqual(found.map((d) => String(d._id)).sort(), expected.sort());
    assert.equal(await members.countDocuments({ _id: { $in: some }, status: 'LEFT' }), 10);
    // A batch loader's read: the candidates are exact, so they are not matched against the list again.
    const start = Date.now();
    const batch = await members
      .find({ _id: { $in: ids.slice(0, 5000) } }, { projection: { _id: 1 } })
      .toArray();
    assert.equal(batch.length, 5000);
    assert.ok(Date.now() - start < 2000, `$in of 5,000 ids took ${Date.now() - start} ms`);
    const ms = await msPerOp(20, (i) =>
      members.findOne({ _id: ids[i * 4001], status: { $ne: 'X' } }),
    );
    assert.ok(ms < 100, `findOne({ _id, status }) took ${ms.toFixed(1)} ms per call`);
  });

  test('a compound unique index pinned by equality, and a sparse one, select exactly as a scan would', async () => {
    const firms = db.collection('firms');
    await firms.createIndex({ creditCode: 1 }, { unique: true, sparse: true });
    await firms.createIndex({ org: 1, seq: 1 }, { unique: true });
    await firms.insertMany(
      Array.from({ length: 1000 }, (_, j) => ({
        org: `o${j % 10}`,
        seq: j,
        version: 1,
        status: j % 7 === 0 ? 'LEFT' : 'FULL',
        ...(j % 10 === 0 ? { creditCode: `C${j}` } : {}),
      })),
    );
    assert.deepEqual(
      (await firms.find({ org: 'o3', seq: 503, status: 'FULL' }).toArray()).map((d) => d.seq),
      [503],
    );
    assert.equal(await firms.countDocuments({ org: 'o3', seq: 504 }), 0);
    assert.equal((await firms.findOne({ creditCode: 'C20', status: 'FULL' }))?.seq, 20);
    assert.equal(await firms.countDocuments({ creditCode: 'C21' }), 0);
    assert.equal(await firms.countDocuments({ creditCode: 'C70', status: 'FULL' }), 0);
    const res = await firms.findOneAndUpdate(
      { creditCode: 'C30', version: 1 },
      { $inc: { version: 1 } },
      { returnDocument: 'after' },
    );
    assert.equal(res.version, 2);
  });

  test('an aggregation with a leading $match on _id reads only its candidates', async () => {
    const rows = await members
      .aggregate([
        { $match: { _id: { $in: ids.slice(0, 1000) } } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    assert.deepEqual(rows, [
      { _id: 'FULL', n: 857 },
      { _id: 'LEFT', n: 143 },
    ]);
    const ms = await msPerOp(10, (i) =>
      members
        .aggregate([{ $match: { _id: { $in: ids.slice(i * 50, i * 50 + 50) } } }, { $count: 'n' }])
        .toArray(),
    );
    assert.ok(ms < 100, `the $match on _id took ${ms.toFixed(1)} ms per call`);
  });

  test('maxTimeMS ends a long scan with MongoDB code 50, in find and in aggregate', async () => {
    await assert.rejects(members.find({ org: 'nowhere' }).maxTimeMS(1).toArray(), { code: 50 });
    await assert.rejects(
      members.aggregate([{ $group: { _id: '$org', n: { $sum: 1 } } }], { maxTimeMS: 1 }).toArray(),
      { code: 50, codeName: 'MaxTimeMSExpired' },
    );
    assert.equal(
      (await members.find({ org: 'o1' }).maxTimeMS(60_000).toArray()).length,
      DOCS / 500,
    );
  });

  test("another connection's reads are served while two long scans run", async () => {
    // Commands of one connection run on its own thread; stock mongo-java-server ran them on four
    // shared I/O loops, where a scan stalled every connection on its loop. (Reads of the very
    // collection being scanned still wait for it: the server locks a collection per command.)
    const other = await MongoClient.connect(MONGO_URL, { maxPoolSize: 1 });
    try {
      const organizations = other.db(db.databaseName).collection('organizations');
      const orgIds = (
        await organizations.insertMany(Array.from({ length: 100 }, (_, seq) => ({ seq })))
      ).insertedIds;
      let scanning = true;
      const scans = Promise.all(
        [0, 1].map(async () => {
          for (let k = 0; k < 3; k++)
            await members.aggregate([{ $group: { _id: '$org', n: { $sum: 1 } } }]).toArray();
        }),
      ).finally(() => (scanning = false));
      let slowest = 0;
      let n = 0;
      while (scanning) {
        const start = Date.now();
        assert.equal((await organizations.findOne({ _id: orgIds[n % 100] }))?.seq, n % 100);
        n++;
        slowest = Math.max(slowest, Date.now() - start);
      }
      await scans;
      assert.ok(n > 10, `only ${n} reads were served beside the scans`);
      assert.ok(slowest < 1500, `the slowest read beside the scans took ${slowest} ms`);
    } finally {
      await other.close();
    }
  });
});
