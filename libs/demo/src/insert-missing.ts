import type { Model } from 'mongoose';

/**
 * Inserts the documents whose `_id` is not stored yet, in order, and returns them: a demo loader
 * run twice inserts nothing the second time.
 */
export async function insertMissing<T extends { _id: unknown }>(
  model: Model<any>,
  docs: T[],
): Promise<T[]> {
  const existing = new Set<string>();
  for (let i = 0; i < docs.length; i += 1000) {
    const ids = docs.slice(i, i + 1000).map((d) => d._id);
    for (const d of await model.find({ _id: { $in: ids } }, { _id: 1 }).lean())
      existing.add(String(d._id));
  }
  const fresh = docs.filter((d) => !existing.has(String(d._id)));
  for (let i = 0; i < fresh.length; i += 500)
    await model.insertMany(fresh.slice(i, i + 500), { ordered: true });
  return fresh;
}
