import type { Connection, Model, Types } from 'mongoose';
import { CounterProjector, type CountedSource } from './counter-projector';
import {
  CONTRIBUTION_MODEL,
  COUNTER_MODEL,
  READ_MODEL_STATE_MODEL,
  ROSTER_MODEL,
  type MemberReadModelState,
} from './read-model.schema';

// Bump when the contribution keys change: the next start rebuilds the read model from scratch.
export const READ_MODEL_SCHEMA_VERSION = 1;
const STATE_ID = 'counters';
const BATCH = 1000;

/**
 * Counts every document of the sources through the ordinary projector (so a rebuild is as
 * idempotent and crash-safe as live counting, and may run beside it), then records that the read
 * model is complete. One pass over each source's ids; then constant round trips per batch.
 */
export async function countEverything(
  connection: Connection,
  sources: CountedSource<any>[],
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const projector = CounterProjector.forConnection(connection);
  let counted = 0;
  for (const source of sources) {
    let batch: Types.ObjectId[] = [];
    const cursor = source.model.collection.find({}, { projection: { _id: 1 }, batchSize: BATCH });
    for await (const doc of cursor) {
      batch.push(doc._id as Types.ObjectId);
      if (batch.length < BATCH) continue;
      counted += (await projector.sync(source, batch)).counted;
      batch = [];
      if (counted % (BATCH * 10) === 0) log(`${counted} documents counted`);
    }
    counted += (await projector.sync(source, batch)).counted;
  }
  await stateModel(connection).updateOne(
    { _id: STATE_ID },
    { $set: { builtAt: new Date(), schemaVersion: READ_MODEL_SCHEMA_VERSION } },
    { upsert: true },
  );
  return counted;
}

/** True when the read model was built completely with the current keys. */
export async function isReadModelBuilt(connection: Connection): Promise<boolean> {
  const state = await stateModel(connection).findById(STATE_ID).lean<MemberReadModelState>();
  return state?.schemaVersion === READ_MODEL_SCHEMA_VERSION;
}

/** Drops counters, contributions, rosters and the state: the next count starts from nothing. */
export async function dropReadModel(connection: Connection): Promise<void> {
  CounterProjector.forConnection(connection); // registers the models
  for (const name of [READ_MODEL_STATE_MODEL, CONTRIBUTION_MODEL, COUNTER_MODEL, ROSTER_MODEL])
    await connection.models[name].deleteMany({});
}

function stateModel(connection: Connection): Model<MemberReadModelState> {
  CounterProjector.forConnection(connection);
  return connection.models[READ_MODEL_STATE_MODEL] as Model<MemberReadModelState>;
}
