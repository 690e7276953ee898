import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { SubgraphUnavailableError } from './http-fetcher';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The instances of one subgraph behind the gateway (SUBGRAPH_URL_<NAME>, comma-separated), taken
 * round robin. An instance that refused a connection (or did not connect within the connect
 * timeout) is passed over for `skipMs`: while it restarts, the requests go to the others instead of
 * each paying a failed connection first. After `skipMs` real traffic probes it again; no health
 * checker runs. When every instance is being passed over, the rotation takes them anyway: a
 * subgraph that is down everywhere still fails fast, and is used at once when it is back.
 *
 * Pure (a clock is given), so the rotation is tested without servers (subgraph-instances.spec.ts).
 */
export interface Instance {
  /** Position in SUBGRAPH_URL_<NAME> (0-based): a bounded metrics label, unlike the URL. */
  index: number;
  url: string;
}

export interface RotationOptions {
  /** How long an instance that refused a connection is passed over (default 1 s). */
  skipMs?: number;
  now?: () => number;
}

export class InstanceRotation {
  private next = 0;
  /** Until when each instance is passed over (0: not). */
  private readonly skippedUntil: number[];
  private readonly skipMs: number;
  private readonly now: () => number;

  constructor(
    readonly urls: readonly string[],
    options: RotationOptions = {},
  ) {
    if (!urls.length) throw new Error('a subgraph needs at least one instance URL');
    this.skippedUntil = urls.map(() => 0);
    this.skipMs = options.skipMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The instance for the next fetch: the next one in turn that is not being passed over, skipping
   * `except` (the one a failed-over fetch just tried); the next in turn when none is left.
   */
  pick(except?: number): Instance {
    const now = this.now();
    const count = this.urls.length;
    let fallback: number | undefined;
    for (let step = 0; step < count; step++) {
      const index = (this.next + step) % count;
      if (index === except && count > 1) continue;
      fallback ??= index;
      if (this.skippedUntil[index] > now) continue;
      this.next = (index + 1) % count;
      return { index, url: this.urls[index] };
    }
    const index = fallback ?? this.next;
    this.next = (index + 1) % count;
    return { index, url: this.urls[index] };
  }

  /** The instance refused a connection: pass it over for a while. */
  refused(index: number): void {
    this.skippedUntil[index] = this.now() + this.skipMs;
  }

  /** The instance answered: use it in turn again (it may have been probed while passed over). */
  answered(index: number): void {
    this.skippedUntil[index] = 0;
  }

  get size(): number {
    return this.urls.length;
  }
}

/**
 * The instance URLs of SUBGRAPH_URL_<NAME>: one URL, or several separated by commas, each http(s).
 * A bad list stops the gateway at start with the variable named, not at the first request.
 */
export function parseInstanceUrls(variable: string, raw: string): string[] {
  const urls = raw
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (!urls.length) throw new Error(`${variable} must list at least one http(s) URL, got "${raw}"`);
  for (const url of urls) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new Error(
        `${variable} must be http(s) URLs separated by commas; "${url}" is not a URL`,
      );
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error(
        `${variable} must be http(s) URLs separated by commas; "${url}" is ${protocol}`,
      );
    }
  }
  return urls;
}

/**
 * A fetcher over a subgraph's instances: each fetch goes to the rotation's pick (the URL the data
 * source passes is ignored). A fetch that never connected (`SubgraphUnavailableError` with
 * `sent` false) is tried once more on another instance: nothing reached the first, so this is
 * safe for mutations too. A fetch that failed after its connection opened is never repeated
 * here, nor a fetch that got an answer of any status.
 */
export function failoverFetcher(
  rotation: InstanceRotation,
  fetchOne: Fetcher,
  /** Called when a fetch moves on to another instance (for the failover counter). */
  onFailover: () => void = () => undefined,
): Fetcher {
  const attempt = async (instance: Instance, init: Parameters<Fetcher>[1]): ReturnType<Fetcher> => {
    try {
      const response = await fetchOne(instance.url, init);
      rotation.answered(instance.index);
      return response;
    } catch (error) {
      if (error instanceof SubgraphUnavailableError && !error.sent)
        rotation.refused(instance.index);
      throw error;
    }
  };
  return async (_url, init) => {
    const first = rotation.pick();
    try {
      return await attempt(first, init);
    } catch (error) {
      const neverSent = error instanceof SubgraphUnavailableError && !error.sent;
      if (!neverSent || rotation.size < 2) throw error;
      onFailover();
      return attempt(rotation.pick(first.index), init);
    }
  };
}
