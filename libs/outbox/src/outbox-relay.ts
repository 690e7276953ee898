import { AsyncResource } from 'node:async_hooks';
import type { OutboxRecord } from './outbox-record';

/** One aggregate's pending records, in the order they were written. */
export interface PendingRecords {
  aggregateId: string;
  records: OutboxRecord[];
}

export interface OutboxClaim {
  /** Aggregates this relay may publish now: nobody else will until it marks them or its claim expires. */
  claimed: PendingRecords[];
  /** Requested aggregates with pending records that another relay has claimed and is publishing. */
  held: string[];
}

/**
 * Where pending records live. Several instances of a service each run a relay over the same
 * collection: a relay claims the aggregates it publishes, so that a record is normally published
 * by one of them, and a claim expires, so that the records of an instance that died are taken
 * over by another.
 */
export interface OutboxStore {
  /** Claims aggregates with pending records: any that are free, or among `aggregateIds`. */
  claim(limit: number, aggregateIds?: string[]): Promise<OutboxClaim>;
  /** Removes the published records and gives the aggregates' claims up. */
  markPublished(published: { aggregateId: string; eventIds: string[] }[]): Promise<void>;
}

export interface OutboxPublisher {
  publish(records: OutboxRecord[]): Promise<void>;
}

export interface RelayOptions {
  /** How often aggregates whose publication failed are tried again. */
  intervalMs: number;
  /** How often the whole collection is searched, for records a crashed process left behind. */
  scanIntervalMs: number;
  batchSize: number;
  onError?: (error: unknown) => void;
}

/**
 * Publishes pending outbox records, in order per aggregate, then marks them published. A crash
 * after publishing and before marking publishes the records again: a duplicate, never a loss.
 * An aggregate another relay holds stays named and is tried again on the next interval.
 */
export class OutboxRelay {
  private timers: NodeJS.Timeout[] = [];
  private draining?: Promise<number>;
  private again = false;
  // Writes name their aggregate, so most passes read a few documents by _id instead of
  // searching the collection (a full search is a scan on servers without the sparse index).
  private readonly dirty = new Set<string>();
  private fullScan = false;
  // Passes run in the context the relay was created in (application start), not in that of the
  // request whose write kicked them: a request's scoped settings, such as the read timeout of
  // libs/mongo, must not cut a full scan the request merely triggered and does not wait for.
  private readonly ownContext = new AsyncResource('OutboxRelay');

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: OutboxPublisher,
    private readonly options: RelayOptions,
  ) {}

  /** Publishes everything pending now; returns how many records were published. */
  async drainOnce(): Promise<number> {
    let published = 0;
    for (;;) {
      const { claimed } = await this.store.claim(this.options.batchSize);
      if (!claimed.length) return published;
      published += await this.publishBatch(claimed);
    }
  }

  /** Runs a pass soon: for the given aggregate, or a full search; calls during a pass coalesce. */
  kick(aggregateId?: string): void {
    if (aggregateId === undefined) this.fullScan = true;
    else this.dirty.add(aggregateId);
    this.schedule();
  }

  start(): void {
    if (!this.timers.length) {
      this.timers = [
        setInterval(() => this.dirty.size && this.schedule(), this.options.intervalMs),
        setInterval(() => this.kick(), this.options.scanIntervalMs),
      ];
    }
    this.kick();
  }

  async stop(): Promise<void> {
    this.timers.forEach(clearInterval);
    this.timers = [];
    this.again = false;
    await this.draining;
  }

  private schedule(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.ownContext
      .runInAsyncScope(() => this.pass())
      .catch((error) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  private async pass(): Promise<number> {
    if (this.fullScan) {
      this.fullScan = false;
      this.dirty.clear();
      try {
        return await this.drainOnce();
      } catch (error) {
        this.fullScan = true;
        throw error;
      }
    }
    const ids = [...this.dirty];
    this.dirty.clear();
    try {
      if (!ids.length) return 0;
      const { claimed, held } = await this.store.claim(ids.length, ids);
      // Another instance is publishing these; records written here since its read are ours.
      held.forEach((id) => this.dirty.add(id));
      return await this.publishBatch(claimed);
    } catch (error) {
      ids.forEach((id) => this.dirty.add(id)); // tried again on the next interval
      throw error;
    }
  }

  /** One send for the whole batch (each aggregate's records stay in order), then one mark. */
  private async publishBatch(batch: PendingRecords[]): Promise<number> {
    if (!batch.length) return 0;
    const records = batch.flatMap((b) => b.records);
    await this.publisher.publish(records);
    await this.store.markPublished(
      batch.map((b) => ({ aggregateId: b.aggregateId, eventIds: b.records.map((r) => r.eventId) })),
    );
    // An aggregate named again while this batch was in flight stays dirty: its new records were
    // written after the read and go out in the next pass.
    return records.length;
  }
}
