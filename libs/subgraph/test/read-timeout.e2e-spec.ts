import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { GraphQLError } from 'graphql';
import mongoose, { Schema, type Connection, type Model, type mongo } from 'mongoose';
import {
  isReadTimeoutError,
  mongoClientOptions,
  mongoSettingsFromEnv,
  mongoUrlFromEnv,
  readTimeoutPlugin,
  withReadTimeout,
} from '@jiceng/mongo';
import { formatSubgraphError } from '../src';

interface Filler {
  n: number;
  tag: string;
}

const DOCUMENTS = 30_000;
// Touches every document (no index can answer it), so it runs for as long as a scan of the
// whole collection takes.
const SCAN = [
  { $match: { tag: { $regex: 'x$' } } },
  { $group: { _id: { $mod: ['$n', 7] }, count: { $sum: 1 } } },
];

// Over the real Mongo-wire server, with the pool settings every service uses: the request read
// timeout reaches each read, MongoDB's MaxTimeMSExpired becomes TIMEOUT, and a long scan on one
// connection does not hold up a plain read on another.
describe('read timeout over the Mongo-wire server', () => {
  const dbName = `jiceng_test_read_timeout_${randomBytes(4).toString('hex')}`;
  const options = { dbName, ...mongoClientOptions(mongoSettingsFromEnv()) };
  const commands: mongo.CommandStartedEvent[] = [];
  let scanner: Connection;
  let reader: Connection;
  let fillers: Model<Filler>;
  let firstId: unknown;

  beforeAll(async () => {
    scanner = await mongoose
      .createConnection(mongoUrlFromEnv(), { ...options, monitorCommands: true })
      .asPromise();
    scanner.getClient().on('commandStarted', (event) => commands.push(event));
    scanner.plugin(readTimeoutPlugin);
    fillers = scanner.model('Filler', new Schema<Filler>({ n: Number, tag: String }));
    // The model creates its collection in the background; an insert racing it makes the local
    // Mongo-wire server fail with "already existed in system.namespaces" (MongoDB does not).
    await fillers.init();
    for (let from = 0; from < DOCUMENTS; from += 5_000) {
      const batch = Array.from({ length: 5_000 }, (_, i) => ({ n: from + i, tag: `t${from + i}` }));
      await fillers.collection.insertMany(batch, { ordered: false });
    }
    firstId = (await fillers.findOne().select({ _id: 1 }).lean())?._id;
    reader = await mongoose.createConnection(mongoUrlFromEnv(), options).asPromise();
  }, 300_000);

  afterAll(async () => {
    await scanner?.dropDatabase();
    await Promise.all([scanner?.close(), reader?.close()]);
  });

  const maxTimeOf = (name: string) =>
    commands.filter((c) => c.commandName === name).map((c) => c.command.maxTimeMS);

  it("gives a request's reads the read timeout unless they set their own; writes and work outside a request none", async () => {
    commands.length = 0;
    await withReadTimeout(4_321, async () => {
      await fillers.findOne({ _id: firstId });
      await fillers.countDocuments({ n: { $lt: 3 } });
      await fillers.distinct('n', { n: { $lt: 3 } });
      await fillers.aggregate([{ $match: { n: 1 } }]);
      await fillers.find({ n: { $lt: 3 } }).maxTimeMS(98_765);
      // A cursor (streamed statistics) is limited too: maxTimeMS covers all its batches.
      for await (const doc of fillers.find({ n: { $lt: 3 } }).cursor()) void doc;
      await fillers.updateOne({ _id: firstId }, { $set: { tag: 't0' } });
    });
    await fillers.findOne({ _id: firstId });
    expect(maxTimeOf('find')).toEqual([4_321, 98_765, 4_321, undefined]);
    expect(maxTimeOf('aggregate')).toEqual([4_321, 4_321]); // countDocuments, aggregate
    expect(maxTimeOf('distinct')).toEqual([4_321]);
    expect(maxTimeOf('update')).toEqual([undefined]);
  });

  it('answers an aggregate past its maxTimeMS with the TIMEOUT error', async () => {
    const failure = await fillers
      .aggregate(SCAN)
      .option({ maxTimeMS: 1 })
      .exec()
      .then(
        () => new Error('the aggregate finished although its maxTimeMS was 1'),
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ code: 50, codeName: 'MaxTimeMSExpired' });
    expect(isReadTimeoutError(failure)).toBe(true);
    const path = ['memberStats'];
    const thrown = new GraphQLError(String(failure), { path, originalError: failure as Error });
    expect(formatSubgraphError({ message: thrown.message, path }, thrown, () => undefined)).toEqual(
      {
        message: expect.stringMatching(/^The read took too long.*narrow the query/),
        path,
        extensions: { code: 'TIMEOUT' },
      },
    );
  });

  // Another service's plain read (its own connection, collection and database) during one
  // service's scan; the incident had it wait a minute. Reads of the scanned collection itself
  // still wait on the local server, which locks a collection while it scans it.
  it('answers an _id read on another connection in well under a second while a long scan runs', async () => {
    const other = reader.useDb(`${dbName}_other`).collection('organizations');
    await other.insertOne({ _id: 'yunhe' as never, name: '运河区委' });
    // On an idle machine one scan of the collection can end before the read does, which proves
    // nothing: the scan is then made longer (scans back to back, twice as many each time) until
    // the read is answered while it still runs.
    for (let repeat = 1; ; repeat *= 2) {
      const scan = (async () => {
        for (let i = 0; i < repeat; i++) await fillers.aggregate(SCAN).exec();
        return performance.now();
      })();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the scan is on the server now
      const readStarted = performance.now();
      const found = await other.findOne({ _id: 'yunhe' as never });
      const readDone = performance.now();
      const scanDone = await scan;
      expect(found).toMatchObject({ name: '运河区委' });
      expect(readDone - readStarted).toBeLessThan(500);
      if (readDone < scanDone) break; // answered while the scan was still running
      if (repeat >= 32) throw new Error('the scans never outlasted one _id read');
    }
    await reader.useDb(`${dbName}_other`).dropDatabase();
  });
});
