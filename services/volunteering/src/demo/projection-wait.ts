// Waiting on this service's projections while the other demos are still arriving: the demo
// loaders read the organizations and members only from the projections the topics fill.
import type { Model } from 'mongoose';
import type { MemberNode } from '../member-projection/member-node.schema';

const MEMBERS_SETTLE_MS = 30_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the members matching `query` stop growing (two equal counts 2 s apart), for at
 * most 30 s: the members demo may still be publishing.
 */
export async function settled(model: Model<MemberNode>, query: object): Promise<void> {
  const deadline = Date.now() + MEMBERS_SETTLE_MS;
  let last = -1;
  let stable = 0;
  while (Date.now() < deadline) {
    const count = await model.countDocuments(query);
    stable = count === last ? stable + 1 : 0;
    if (stable >= 2) return;
    last = count;
    await sleep(2000);
  }
}
