import type { mongo } from 'mongoose';
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
