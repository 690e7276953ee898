import DataLoader from 'dataloader';

/**
 * One DataLoader per request, keyed by the request's GraphQL context object: the loads of a tick
 * are one batch, and results are cached for that request only.
 */
export class RequestLoader<K, V> {
  private readonly loaders = new WeakMap<object, DataLoader<K, V, unknown>>();

  /**
   * `batch` answers every key of a tick, in order (an Error for a key fails that load alone);
   * `cacheKey` makes keys that are objects (a filter and a page) equal by value.
   */
  constructor(
    private readonly batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    private readonly cacheKey?: (key: K) => unknown,
  ) {}

  load(ctx: object, key: K): Promise<V> {
    return this.loaderFor(ctx).load(key);
  }

  async loadMany(ctx: object, keys: readonly K[]): Promise<(V | null)[]> {
    const results = await this.loaderFor(ctx).loadMany(keys);
    return results.map((r) => (r instanceof Error ? null : r));
  }

  private loaderFor(ctx: object): DataLoader<K, V, unknown> {
    let loader = this.loaders.get(ctx);
    if (!loader)
      this.loaders.set(
        ctx,
        (loader = new DataLoader<K, V, unknown>(this.batch, { cacheKeyFn: this.cacheKey })),
      );
    return loader;
  }
}

/**
 * A request loader of documents by a string key (their `_id` unless `keyOf` says otherwise):
 * `find` gets every key of a batch at once; a key nothing matched gives null.
 */
export function documentLoader<T>(
  find: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (doc: T) => unknown = (doc) => (doc as { _id: unknown })._id,
): RequestLoader<string, T | null> {
  return new RequestLoader(async (keys) => {
    const found = new Map((await find(keys)).map((doc) => [String(keyOf(doc)), doc]));
    return keys.map((key) => found.get(key) ?? null);
  });
}
