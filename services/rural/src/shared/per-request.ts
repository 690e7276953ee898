import DataLoader from 'dataloader';
import type { Types } from 'mongoose';

/** A DataLoader per request (GraphQL context), dropped with the request: batches one tick's loads. */
export class PerRequest<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V, string>>();

  constructor(
    private readonly batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    private readonly cacheKey: (key: K) => string = String,
  ) {}

  load(ctx: object, key: K): Promise<V> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(this.batch, { cacheKeyFn: this.cacheKey });
      this.loaders.set(ctx, loader);
    }
    return loader.load(key);
  }
}

/** Batches lookups by id: one `find` for the tick's ids, null for ids not found. */
export function byId<T extends { _id: Types.ObjectId }>(
  find: (ids: readonly string[]) => Promise<T[]>,
): PerRequest<string, T | null> {
  return new PerRequest(async (ids) => {
    const found = new Map((await find(ids)).map((doc) => [String(doc._id), doc]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
