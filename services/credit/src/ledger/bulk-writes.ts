import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { duplicateKeyFailures } from '@jiceng/mongo';

// Unordered multi-document writes whose duplicate keys mean "stored already" (an insert under
// an id taken, an upsert that met a document created meanwhile).

/** Inserts documents, treating the ones already stored (duplicate keys) as done. */
export async function insertIgnoringDuplicates(model: Model<any>, docs: object[]): Promise<void> {
  if (!docs.length) return;
  try {
    await model.insertMany(docs, { ordered: false });
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
}

export function onlyDuplicateKeys(error: unknown): boolean {
  return duplicateKeyFailures(error) !== null;
}

/**
 * True when every operation of an unordered bulk write matched or inserted; false when some
 * compare-and-set did not hold (or an upsert met a document created meanwhile).
 */
export async function bulkWriteAll(
  model: Model<any>,
  ops: AnyBulkWriteOperation[],
): Promise<boolean> {
  if (!ops.length) return true;
  try {
    const res = await model.bulkWrite(ops, { ordered: false });
    return res.matchedCount + res.upsertedCount === ops.length;
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
    return false;
  }
}
