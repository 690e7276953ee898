import type { Model, mongo } from 'mongoose';
import { duplicateKeyFailures } from '@jiceng/mongo';

/**
 * One unordered bulkWrite; returns the positions of the operations that failed on a duplicate
 * key (an upsert or insert that lost a race to a concurrent one) and throws on anything else.
 */
export async function bulkWrite<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  ops: mongo.AnyBulkWriteOperation<T>[],
): Promise<number[]> {
  if (!ops.length) return [];
  try {
    await collection.bulkWrite(ops, { ordered: false });
    return [];
  } catch (error) {
    const lost = duplicateKeyFailures(error);
    if (!lost?.length) throw error;
    return lost;
  }
}

/** `_id`s per `$in` read: a subtree of thousands of branches over a year is a few reads. */
export const IDS_PER_READ = 1000;

export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * A keyed entry of a read-model document, replaced only by a newer version: applying the same
 * source twice, or an older state after a newer one, changes nothing. A first entry upserts the
 * document; losing that race to a concurrent upsert is a duplicate key, retried once.
 */
export function guardedSet(
  _id: string,
  path: string,
  version: number,
  set: Record<string, unknown>,
): mongo.AnyBulkWriteOperation<any> {
  return {
    updateOne: {
      filter: {
        _id,
        $or: [{ [path]: { $exists: false } }, { [`${path}.version`]: { $lt: version } }],
      },
      update: { $set: set },
      upsert: true,
    },
  };
}

/** A bulk write of guarded sets; a lost upsert race is retried once (a second loss is the guard). */
export async function writeGuarded(
  collection: mongo.Collection<any>,
  ops: mongo.AnyBulkWriteOperation<any>[],
): Promise<void> {
  const lost = await bulkWrite(collection, ops);
  if (lost.length)
    await bulkWrite(
      collection,
      lost.map((i) => ops[i]),
    );
}

/** Read-model documents by `_id`, in batches of IDS_PER_READ. */
export async function readByIds<T>(model: Model<T>, ids: readonly string[]): Promise<T[]> {
  const reads = chunks([...new Set(ids)], IDS_PER_READ).map((batch) =>
    model.find({ _id: { $in: batch } }).lean<T[]>(),
  );
  return (await Promise.all(reads)).flat();
}
