import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import mongoose, { Schema, Types, type Connection, type Model } from 'mongoose';
import { mongoUrlFromEnv } from '@jiceng/mongo';
import { updateOrConflict } from '../src';

interface Sheet {
  _id: Types.ObjectId;
  version: number;
  title: string;
  rows: { _id: Types.ObjectId; done: boolean }[];
}

const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;

// Over the real Mongo-wire server: of two writes guarded by the same version exactly one lands,
// the other is CONFLICT with its message; the relay hears of the landed one only.
describe('updateOrConflict over the Mongo-wire server', () => {
  const dbName = `jiceng_test_update_or_conflict_${randomBytes(4).toString('hex')}`;
  let connection: Connection;
  let sheets: Model<Sheet>;
  const kicked: (string | undefined)[] = [];
  const relay = { kick: (id?: string) => kicked.push(id) };

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFromEnv(), { dbName }).asPromise();
    sheets = connection.model(
      'Sheet',
      new Schema<Sheet>({
        version: Number,
        title: String,
        rows: [{ done: Boolean }],
      }),
    );
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const newSheet = async () => {
    const sheet = { _id: new Types.ObjectId(), version: 1, title: 'a', rows: [] };
    await sheets.create(sheet);
    return sheet;
  };

  it('writes when the guard holds and kicks the relay with the id', async () => {
    const sheet = await newSheet();
    kicked.length = 0;
    await updateOrConflict(
      sheets,
      { _id: sheet._id, version: 1 },
      { $set: { title: 'b' }, $inc: { version: 1 } },
      'lost',
      { relay },
    );
    expect(await sheets.findById(sheet._id).lean()).toMatchObject({ title: 'b', version: 2 });
    expect(kicked).toEqual([String(sheet._id)]);
  });

  it('is CONFLICT with the message when the guard no longer holds, and writes nothing', async () => {
    const sheet = await newSheet();
    await sheets.updateOne({ _id: sheet._id }, { $inc: { version: 1 } });
    kicked.length = 0;
    const lost = updateOrConflict(
      sheets,
      { _id: sheet._id, version: 1 },
      { $set: { title: 'c' } },
      `Sheet ${sheet._id} was changed concurrently`,
      { relay },
    );
    await expect(lost).rejects.toThrow(`Sheet ${sheet._id} was changed concurrently`);
    expect(codeOf(await lost.catch((e: unknown) => e))).toBe('CONFLICT');
    expect(await sheets.findById(sheet._id).lean()).toMatchObject({ title: 'a' });
    expect(kicked).toEqual([]);
  });

  it('words the conflict from the record as it is now when given a function', async () => {
    const sheet = await newSheet();
    const lost = updateOrConflict(
      sheets,
      { _id: sheet._id, version: 7 },
      { $set: { title: 'd' } },
      async () => `Sheet is at version ${(await sheets.findById(sheet._id).lean())!.version}`,
    );
    await expect(lost).rejects.toThrow('Sheet is at version 1');
  });

  it('passes array filters, so a guard on one array element decides', async () => {
    const sheet = await newSheet();
    const rowId = new Types.ObjectId();
    await sheets.updateOne({ _id: sheet._id }, { $push: { rows: { _id: rowId, done: false } } });
    const finish = () =>
      updateOrConflict(
        sheets,
        { _id: sheet._id, rows: { $elemMatch: { _id: rowId, done: false } } },
        { $set: { 'rows.$[r].done': true } },
        'Row already done',
        { arrayFilters: [{ 'r._id': rowId }] },
      );
    await finish();
    expect((await sheets.findById(sheet._id).lean())!.rows[0].done).toBe(true);
    await expect(finish()).rejects.toThrow('Row already done');
  });
});
