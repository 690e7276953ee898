import type { OutboxRecord } from './outbox-record';

/** Where pending records live; one aggregate's records come back in the order they were written. */
export interface OutboxStore {
  pending(limit: number): Promise<{ aggregateId: string; records: OutboxRecord[] }[]>;
  markPublished(aggregateId: string, eventIds: string[]): Promise<void>;
}

export interface OutboxPublisher {
  publish(records: OutboxRecord[]): Promise<void>;
}

export interface RelayOptions {
  intervalMs: number;
  batchSize: number;
  onError?: (error: unknown) => void;
}

/**
 * Publishes pending outbox records, in order per aggregate, then marks them published. A crash
 * after publishing and before marking publishes the records again: a duplicate, never a loss.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  private again = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: OutboxPublisher,
    private readonly options: RelayOptions,
  ) {}

  /** Publishes everything pending now; returns how many records were published. */
  async drainOnce(): Promise<number> {
    let published = 0;
    for (;;) {
      const batch = await this.store.pending(this.options.batchSize);
      if (!batch.length) return published;
      for (const { aggregateId, records } of batch) {
        await this.publisher.publish(records);
        await this.store.markPublished(
          aggregateId,
          records.map((r) => r.eventId),
        );
        published += records.length;
      }
    }
  }

  /** Runs a drain soon; calls during a drain coalesce into one more drain. */
  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainOnce()
      .catch((error) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  start(): void {
    this.timer ??= setInterval(() => this.kick(), this.options.intervalMs);
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.again = false;
    await this.draining;
  }
}
