/**
 * Merges identical concurrent calls: the first caller of a key (the leader) runs the fetch, every
 * caller of the same key that arrives while it runs (a follower) gets a copy of its result or its
 * error. The caller decides what may be merged and builds the key; this class knows no GraphQL.
 *
 * The wait is bounded, so one stalled upstream request cannot hold the others: a leader is joined
 * only for `maxWaitMs` after it started. A follower still waiting then races the leader against a
 * fresh call of the same key, which later callers join too (at most one new fetch per key and
 * window, not one per follower), and takes whichever settles first.
 */
export interface InflightOptions<T> {
  /** How long after a leader started it may be joined and waited for alone. */
  maxWaitMs: number;
  /**
   * Gives each follower a value of its own: the gateway merges subgraph data into the caller's
   * result in place, so two callers must never hold the same objects.
   */
  copy: (value: T) => T;
}

interface Follower<T> {
  resolve(copyOf: () => T): void;
  reject(error: unknown): void;
}

interface Leader<T> {
  deadline: number;
  followers: Set<Follower<T>>;
}

export class InflightRequests<T> {
  private readonly leaders = new Map<string, Leader<T>>();

  constructor(private readonly options: InflightOptions<T>) {}

  /** Keys with a fetch in flight (for tests and diagnostics). */
  get size(): number {
    return this.leaders.size;
  }

  run(key: string, fetch: () => Promise<T>): Promise<T> {
    const leader = this.leaders.get(key);
    return leader && Date.now() < leader.deadline
      ? this.follow(key, leader, fetch)
      : this.lead(key, fetch);
  }

  private async lead(key: string, fetch: () => Promise<T>): Promise<T> {
    const leader: Leader<T> = {
      deadline: Date.now() + this.options.maxWaitMs,
      followers: new Set(),
    };
    this.leaders.set(key, leader);
    try {
      const value = await fetch();
      // Copies are made here, before the leader's own caller resumes and changes `value`.
      for (const follower of leader.followers) follower.resolve(() => this.options.copy(value));
      return value;
    } catch (error) {
      for (const follower of leader.followers) follower.reject(error);
      throw error;
    } finally {
      // A fresh call may have replaced a leader past its deadline; that one stays.
      if (this.leaders.get(key) === leader) this.leaders.delete(key);
    }
  }

  private follow(key: string, leader: Leader<T>, fetch: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const follower: Follower<T> = {
        resolve(copyOf) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(copyOf());
        },
        reject(error) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
      };
      leader.followers.add(follower);
      const timer = setTimeout(() => {
        // Still waiting for the leader at its deadline: race it against a fresh call.
        this.run(key, fetch).then(
          (value) => follower.resolve(() => value),
          (error: unknown) => follower.reject(error),
        );
      }, leader.deadline - Date.now());
    });
  }
}
