import { AsyncLocalStorage } from 'node:async_hooks';
import { OutboxRelay, type OutboxPublisher, type OutboxStore } from './outbox-relay';
import type { OutboxRecord } from './outbox-record';

const record = (aggregate: string, n: number): OutboxRecord => ({
  eventId: `${aggregate}-${n}`,
  topic: 'jiceng.test.stream.v1',
  key: aggregate,
  value: `{"n":${n}}`,
  createdAt: new Date(),
});

/** Aggregates with embedded outboxes, as the Mongo store keeps them; `heldByOther` are claimed elsewhere. */
class MemoryStore implements OutboxStore {
  constructor(readonly outboxes: Map<string, OutboxRecord[]>) {}
  readonly reads: (string[] | undefined)[] = [];
  readonly heldByOther = new Set<string>();
  async pending(limit: number) {
    return (await this.claim(limit)).claimed;
  }
  async claim(limit: number, aggregateIds?: string[]) {
    this.reads.push(aggregateIds);
    const pending = [...this.outboxes].filter(
      ([id, records]) => records.length && (!aggregateIds || aggregateIds.includes(id)),
    );
    return {
      claimed: pending
        .filter(([id]) => !this.heldByOther.has(id))
        .slice(0, limit)
        .map(([aggregateId, records]) => ({ aggregateId, records: [...records] })),
      held: pending.filter(([id]) => this.heldByOther.has(id)).map(([id]) => id),
    };
  }
  async markPublished(published: { aggregateId: string; eventIds: string[] }[]) {
    for (const { aggregateId, eventIds } of published) {
      const left = (this.outboxes.get(aggregateId) ?? []).filter(
        (r) => !eventIds.includes(r.eventId),
      );
      this.outboxes.set(aggregateId, left);
    }
  }
}

class MemoryPublisher implements OutboxPublisher {
  readonly published: OutboxRecord[] = [];
  async publish(records: OutboxRecord[]) {
    this.published.push(...records);
  }
}

const options = { intervalMs: 10_000, scanIntervalMs: 60_000, batchSize: 2 };

describe('OutboxRelay', () => {
  it('publishes every pending record once, in order per aggregate, across batches', async () => {
    const store = new MemoryStore(
      new Map([
        ['a', [record('a', 1), record('a', 2), record('a', 3)]],
        ['b', [record('b', 1)]],
        ['c', [record('c', 1), record('c', 2)]],
      ]),
    );
    const publisher = new MemoryPublisher();
    const relay = new OutboxRelay(store, publisher, options);

    expect(await relay.drainOnce()).toBe(6);
    const order = (agg: string) =>
      publisher.published.filter((r) => r.key === agg).map((r) => r.eventId);
    expect(order('a')).toEqual(['a-1', 'a-2', 'a-3']);
    expect(order('c')).toEqual(['c-1', 'c-2']);
    expect(await store.pending(10)).toEqual([]);
    expect(await relay.drainOnce()).toBe(0);
  });

  it('republishes after a crash between publish and mark: a duplicate, never a loss', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1), record('a', 2)]]]));
    const publisher = new MemoryPublisher();
    const crashing: OutboxStore = {
      claim: (limit) => store.claim(limit),
      markPublished: async () => {
        throw new Error('process died');
      },
    };
    await expect(new OutboxRelay(crashing, publisher, options).drainOnce()).rejects.toThrow(
      'process died',
    );
    expect(publisher.published.map((r) => r.eventId)).toEqual(['a-1', 'a-2']);

    await new OutboxRelay(store, publisher, options).drainOnce(); // the restarted relay
    expect(publisher.published.map((r) => r.eventId)).toEqual(['a-1', 'a-2', 'a-1', 'a-2']);
    expect(await store.pending(10)).toEqual([]);
  });

  it('keeps records whose publication failed, for the next drain', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    const failing: OutboxPublisher = {
      publish: async () => Promise.reject(new Error('broker down')),
    };
    const errors: unknown[] = [];
    const relay = new OutboxRelay(store, failing, { ...options, onError: (e) => errors.push(e) });
    relay.kick();
    await relay.stop();
    expect(errors).toHaveLength(1);
    expect((await store.pending(10))[0].records.map((r) => r.eventId)).toEqual(['a-1']);
  });

  it('coalesces kicks during a drain into one more drain', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    const publisher = new MemoryPublisher();
    const relay = new OutboxRelay(store, publisher, options);
    relay.kick();
    store.outboxes.set('b', [record('b', 1)]);
    relay.kick();
    relay.kick();
    await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(publisher.published.map((r) => r.eventId).sort()).toEqual(['a-1', 'b-1']);
  });

  it('publishes only the aggregate a write names, reading it by id', async () => {
    const store = new MemoryStore(
      new Map([
        ['a', [record('a', 1)]],
        ['b', [record('b', 1)]],
      ]),
    );
    const publisher = new MemoryPublisher();
    const relay = new OutboxRelay(store, publisher, options);
    relay.kick('b');
    await relay.stop();
    expect(publisher.published.map((r) => r.eventId)).toEqual(['b-1']);
    expect(store.reads).toEqual([['b']]);
    expect((await store.pending(10)).map((p) => p.aggregateId)).toEqual(['a']);
  });

  it('tries a named aggregate again on the next interval when publishing fails', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    let fail = true;
    const publisher = new MemoryPublisher();
    const flaky: OutboxPublisher = {
      publish: async (records) =>
        fail ? Promise.reject(new Error('broker down')) : publisher.publish(records),
    };
    const relay = new OutboxRelay(store, flaky, {
      ...options,
      intervalMs: 5,
      onError: () => undefined,
    });
    relay.kick('a');
    await new Promise((r) => setTimeout(r, 10));
    fail = false;
    relay.start();
    await new Promise((r) => setTimeout(r, 30));
    await relay.stop();
    expect(publisher.published.map((r) => r.eventId)).toEqual(['a-1']);
  });

  it('publishes a record written to an aggregate while that aggregate was being published', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    const publisher = new MemoryPublisher();
    let relay: OutboxRelay | undefined = undefined;
    const writing: OutboxPublisher = {
      publish: async (records) => {
        await publisher.publish(records);
        if (records.some((r) => r.eventId === 'a-1')) {
          // The service writes a-2 and names the aggregate while a-1 is in flight.
          store.outboxes.get('a')!.push(record('a', 2));
          relay!.kick('a');
        }
      },
    };
    relay = new OutboxRelay(store, writing, options);
    relay.kick('a');
    await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(publisher.published.map((r) => r.eventId)).toEqual(['a-1', 'a-2']);
    expect(await store.pending(10)).toEqual([]);
  });

  it('runs its passes outside the context of the request that kicked it', async () => {
    const request = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    const observing: OutboxStore = {
      claim: (limit, ids) => (seen.push(request.getStore()), store.claim(limit, ids)),
      markPublished: (published) => store.markPublished(published),
    };
    const relay = new OutboxRelay(observing, new MemoryPublisher(), options);
    request.run('request 1', () => relay.kick('a'));
    request.run('request 2', () => relay.kick()); // during the first pass: a full scan after it
    await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((context) => context === undefined)).toBe(true);
  });

  it('leaves an aggregate another relay holds, and publishes it once that relay is done', async () => {
    const store = new MemoryStore(new Map([['a', [record('a', 1)]]]));
    store.heldByOther.add('a');
    const publisher = new MemoryPublisher();
    const relay = new OutboxRelay(store, publisher, { ...options, intervalMs: 5 });
    relay.start();
    relay.kick('a');
    await new Promise((r) => setTimeout(r, 20));
    expect(publisher.published).toEqual([]);
    store.heldByOther.delete('a'); // the other relay gave it up without publishing a-1
    await new Promise((r) => setTimeout(r, 30));
    await relay.stop();
    expect(publisher.published.map((r) => r.eventId)).toEqual(['a-1']);
  });
});
