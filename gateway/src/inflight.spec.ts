import { InflightRequests } from './inflight';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Value = { items: number[] };

/** A fetch whose calls are counted and settled by the test, one deferred per call. */
function controlledFetch() {
  const calls: Deferred<Value>[] = [];
  const fetch = jest.fn(() => {
    const call = deferred<Value>();
    calls.push(call);
    return call.promise;
  });
  return { fetch, calls };
}

const copy = (value: Value): Value => structuredClone(value);

describe('in-flight request merging', () => {
  afterEach(() => jest.useRealTimers());

  it('runs identical concurrent calls once and gives every caller a copy of its own', async () => {
    const inflight = new InflightRequests<Value>({ maxWaitMs: 1000, copy });
    const { fetch, calls } = controlledFetch();
    const results = Promise.all([1, 2, 3].map(() => inflight.run('k', fetch)));
    expect(fetch).toHaveBeenCalledTimes(1);
    calls[0].resolve({ items: [1] });
    const [a, b, c] = await results;
    expect([a, b, c]).toEqual([{ items: [1] }, { items: [1] }, { items: [1] }]);
    a.items.push(2);
    expect(b.items).toEqual([1]);
    expect(b).not.toBe(c);
    expect(inflight.size).toBe(0);
  });

  it('never merges different keys, nor a call made after the first has settled', async () => {
    const inflight = new InflightRequests<Value>({ maxWaitMs: 1000, copy });
    const { fetch, calls } = controlledFetch();
    const one = inflight.run('token-a', fetch);
    const two = inflight.run('token-b', fetch);
    expect(fetch).toHaveBeenCalledTimes(2);
    calls[0].resolve({ items: [1] });
    calls[1].resolve({ items: [2] });
    expect(await one).toEqual({ items: [1] });
    expect(await two).toEqual({ items: [2] });
    const three = inflight.run('token-a', fetch);
    expect(fetch).toHaveBeenCalledTimes(3);
    calls[2].resolve({ items: [3] });
    expect(await three).toEqual({ items: [3] });
  });

  it("hands the leader's error to its followers", async () => {
    const inflight = new InflightRequests<Value>({ maxWaitMs: 1000, copy });
    const { fetch, calls } = controlledFetch();
    const results = [inflight.run('k', fetch), inflight.run('k', fetch)];
    calls[0].reject(new Error('subgraph down'));
    for (const result of results) await expect(result).rejects.toThrow('subgraph down');
    expect(inflight.size).toBe(0);
  });

  it('lets a follower of a stalled leader go on with a fresh call after maxWaitMs', async () => {
    jest.useFakeTimers();
    const inflight = new InflightRequests<Value>({ maxWaitMs: 100, copy });
    const { fetch, calls } = controlledFetch();
    const stalled = inflight.run('k', fetch);
    const followers = [inflight.run('k', fetch), inflight.run('k', fetch)];
    jest.advanceTimersByTime(99);
    expect(fetch).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    // Both followers time out together and share one fresh call.
    expect(fetch).toHaveBeenCalledTimes(2);
    calls[1].resolve({ items: [2] });
    expect(await Promise.all(followers)).toEqual([{ items: [2] }, { items: [2] }]);
    calls[0].resolve({ items: [1] });
    expect(await stalled).toEqual({ items: [1] });
    expect(inflight.size).toBe(0);
  });

  it('lets a follower keep the leader when it answers before the fresh call', async () => {
    jest.useFakeTimers();
    const inflight = new InflightRequests<Value>({ maxWaitMs: 100, copy });
    const { fetch, calls } = controlledFetch();
    const slow = inflight.run('k', fetch);
    const follower = inflight.run('k', fetch);
    jest.advanceTimersByTime(100);
    expect(fetch).toHaveBeenCalledTimes(2);
    calls[0].resolve({ items: [1] });
    expect(await follower).toEqual({ items: [1] });
    expect(await slow).toEqual({ items: [1] });
    calls[1].resolve({ items: [2] });
  });

  it('does not let a caller arriving after the deadline join the stalled leader', async () => {
    jest.useFakeTimers();
    const inflight = new InflightRequests<Value>({ maxWaitMs: 100, copy });
    const { fetch, calls } = controlledFetch();
    const stalled = inflight.run('k', fetch);
    jest.advanceTimersByTime(150);
    const late = inflight.run('k', fetch);
    expect(fetch).toHaveBeenCalledTimes(2);
    calls[1].resolve({ items: [2] });
    expect(await late).toEqual({ items: [2] });
    // The late leader's end does not forget the stalled one's key, nor the reverse.
    calls[0].resolve({ items: [1] });
    expect(await stalled).toEqual({ items: [1] });
    expect(inflight.size).toBe(0);
  });

  it('merges nothing when maxWaitMs is 0', async () => {
    const inflight = new InflightRequests<Value>({ maxWaitMs: 0, copy });
    const { fetch, calls } = controlledFetch();
    const results = [inflight.run('k', fetch), inflight.run('k', fetch)];
    expect(fetch).toHaveBeenCalledTimes(2);
    calls.forEach((call, i) => call.resolve({ items: [i] }));
    expect(await Promise.all(results)).toEqual([{ items: [0] }, { items: [1] }]);
  });
});
