import type { Model, Types } from 'mongoose';

const BATCH = 500;

/**
 * Gives every node below `nodeId` the node's current `prefix` (its ancestors and itself), keeping
 * the part of the path below the node. Each pass rewrites the nodes whose path still disagrees,
 * so a rewrite is idempotent and resumes where a crash left it.
 */
export async function rewriteDescendantPaths(
  model: Model<any>,
  nodeId: Types.ObjectId,
  prefix: Types.ObjectId[],
): Promise<number> {
  const stale = {
    ancestorIds: nodeId,
    $or: prefix.map((id, depth) => ({ [`ancestorIds.${depth}`]: { $ne: id } })),
  };
  let rewritten = 0;
  for (;;) {
    const batch = await model
      .find(stale, { ancestorIds: 1 })
      .limit(BATCH)
      .lean<{ _id: Types.ObjectId; ancestorIds: Types.ObjectId[] }[]>();
    if (!batch.length) return rewritten;
    await model.bulkWrite(
      batch.map((doc) => {
        const tail = doc.ancestorIds.slice(
          doc.ancestorIds.findIndex((id) => id.equals(nodeId)) + 1,
        );
        return {
          updateOne: {
            filter: { _id: doc._id },
            update: { $set: { ancestorIds: [...prefix, ...tail] } },
          },
        };
      }),
      { ordered: false },
    );
    rewritten += batch.length;
  }
}
