import type { Model, Types } from 'mongoose';

const BATCH = 500;

function valueAt(doc: Record<string, any>, field: string): Types.ObjectId[] | undefined {
  return field.split('.').reduce<any>((value, key) => value?.[key], doc);
}

/**
 * Gives every path in `fields` that passes through `nodeId` the node's current `prefix` (its
 * ancestors and itself), keeping the part below the node. One query finds the documents whose
 * paths still disagree (one scan where the path indexes are missing), so a rewrite is idempotent
 * and resumes where a crash left it.
 */
export async function rewritePaths(
  model: Model<any>,
  fields: readonly string[],
  nodeId: Types.ObjectId,
  prefix: Types.ObjectId[],
): Promise<number> {
  const staleIn = (field: string) => ({
    [field]: nodeId,
    $or: prefix.map((id, depth) => ({ [`${field}.${depth}`]: { $ne: id } })),
  });
  const stale = fields.length === 1 ? staleIn(fields[0]) : { $or: fields.map(staleIn) };
  const isStale = (path: Types.ObjectId[] | undefined) => {
    const at = path?.findIndex((id) => id.equals(nodeId)) ?? -1;
    return at >= 0 && (at !== prefix.length - 1 || prefix.some((id, i) => !id.equals(path![i])));
  };
  let rewritten = 0;
  for (;;) {
    const batch = await model
      .find(stale, Object.fromEntries(fields.map((f) => [f, 1])))
      .limit(BATCH)
      .lean<Record<string, any>[]>();
    if (!batch.length) return rewritten;
    await model.bulkWrite(
      batch.map((doc) => {
        const $set: Record<string, Types.ObjectId[]> = {};
        for (const field of fields) {
          const path = valueAt(doc, field);
          if (!path || !isStale(path)) continue;
          $set[field] = [...prefix, ...path.slice(path.findIndex((id) => id.equals(nodeId)) + 1)];
        }
        return { updateOne: { filter: { _id: doc._id }, update: { $set } } };
      }),
      { ordered: false },
    );
    rewritten += batch.length;
  }
}
