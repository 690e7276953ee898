import { SubgraphUnavailableError } from './http-fetcher';
import { failoverFetcher, InstanceRotation, parseInstanceUrls } from './subgraph-instances';
import { subgraphUrls } from './subgraphs';
import { subgraphTimeoutMsFromEnv } from './signed-claims.data-source';

const A = 'http://127.0.0.1:4101/graphql';
const B = 'http://127.0.0.1:4102/graphql';
const C = 'http://127.0.0.1:4103/graphql';

function clock() {
  let now = 1_000_000;
  return { now: () => now, pass: (ms: number) => (now += ms) };
}

describe('subgraph instance URLs', () => {
  it('uses SUBGRAPH_URL_<NAME> when set: one URL or several, separated by commas', () => {
    expect(subgraphUrls('organizations', A, {})).toEqual([A]);
    expect(
      subgraphUrls('organizations', A, {
        SUBGRAPH_URL_ORGANIZATIONS: 'http://organizations:4001/graphql',
      }),
    ).toEqual(['http://organizations:4001/graphql']);
    expect(subgraphUrls('organizations', A, { SUBGRAPH_URL_ORGANIZATIONS: `${B}, ${C}` })).toEqual([
      B,
      C,
    ]);
  });

  it('refuses a list that is not http(s) URLs, naming the variable', () => {
    expect(() => parseInstanceUrls('SUBGRAPH_URL_MEMBERS', '')).toThrow(
      'SUBGRAPH_URL_MEMBERS must list at least one http(s) URL',
    );
    expect(() => parseInstanceUrls('SUBGRAPH_URL_MEMBERS', `${A},members:4002`)).toThrow(
      /SUBGRAPH_URL_MEMBERS must be http\(s\) URLs separated by commas; "members:4002" is members:/,
    );
    expect(() => parseInstanceUrls('SUBGRAPH_URL_MEMBERS', 'not a url')).toThrow(
      'SUBGRAPH_URL_MEMBERS must be http(s) URLs separated by commas; "not a url" is not a URL',
    );
  });
});

describe('per-subgraph timeout', () => {
  it('takes SUBGRAPH_TIMEOUT_MS_<NAME> over SUBGRAPH_TIMEOUT_MS, each validated', () => {
    const env = { SUBGRAPH_TIMEOUT_MS: '5000', SUBGRAPH_TIMEOUT_MS_CREDIT: '60000' };
    expect(subgraphTimeoutMsFromEnv(env, 'credit')).toBe(60_000);
    expect(subgraphTimeoutMsFromEnv(env, 'organizations')).toBe(5_000);
    expect(subgraphTimeoutMsFromEnv({}, 'organizations')).toBe(35_000);
    expect(() => subgraphTimeoutMsFromEnv({ SUBGRAPH_TIMEOUT_MS_CREDIT: '1.5' }, 'credit')).toThrow(
      'SUBGRAPH_TIMEOUT_MS_CREDIT must be a positive whole number, got 1.5',
    );
  });
});

describe('instance rotation', () => {
  it('takes the instances in turn', () => {
    const rotation = new InstanceRotation([A, B, C]);
    expect([1, 2, 3, 4].map(() => rotation.pick().url)).toEqual([A, B, C, A]);
  });

  it('passes over an instance that refused for skipMs, then probes it again', () => {
    const time = clock();
    const rotation = new InstanceRotation([A, B], { skipMs: 1_000, now: time.now });
    rotation.refused(0);
    expect([1, 2, 3].map(() => rotation.pick().index)).toEqual([1, 1, 1]);
    time.pass(1_001);
    expect([1, 2].map(() => rotation.pick().index)).toEqual([0, 1]);
  });

  it('takes instances in turn when every one is passed over (fails fast, recovers at once)', () => {
    const rotation = new InstanceRotation([A, B], { now: clock().now });
    rotation.refused(0);
    rotation.refused(1);
    expect([1, 2, 3].map(() => rotation.pick().index)).toEqual([0, 1, 0]);
  });

  it('gives a failed-over fetch another instance than the one it tried', () => {
    const rotation = new InstanceRotation([A, B, C], { now: clock().now });
    rotation.refused(1);
    expect(rotation.pick(0).index).toBe(2);
    expect(new InstanceRotation([A]).pick(0).index).toBe(0);
  });
});

describe('failover fetcher', () => {
  const ok = { status: 200 } as Awaited<ReturnType<Parameters<typeof failoverFetcher>[1]>>;
  const refused = (url: string) =>
    new SubgraphUnavailableError(`${url}: connect ECONNREFUSED`, { sent: false });

  function fetcherOver(urls: string[], down: Set<string>, sentError = false) {
    const calls: string[] = [];
    let failovers = 0;
    const rotation = new InstanceRotation(urls, { now: clock().now });
    const fetcher = failoverFetcher(
      rotation,
      async (url) => {
        calls.push(url);
        if (!down.has(url)) return ok;
        if (sentError) throw new SubgraphUnavailableError(`${url}: socket hang up`, { sent: true });
        throw refused(url);
      },
      () => failovers++,
    );
    return { fetcher, calls, failovers: () => failovers };
  }

  it('sends a fetch that could not connect to the next instance, once, and then skips the dead one', async () => {
    const { fetcher, calls, failovers } = fetcherOver([A, B], new Set([A]));
    await expect(fetcher(A, { method: 'POST' })).resolves.toBe(ok);
    await expect(fetcher(A, { method: 'POST' })).resolves.toBe(ok);
    await expect(fetcher(A, { method: 'POST' })).resolves.toBe(ok);
    expect(calls).toEqual([A, B, B, B]);
    expect(failovers()).toBe(1);
  });

  it('gives up after the second instance, with the unavailable error', async () => {
    const { fetcher, calls } = fetcherOver([A, B, C], new Set([A, B, C]));
    await expect(fetcher(A, {})).rejects.toBeInstanceOf(SubgraphUnavailableError);
    expect(calls).toEqual([A, B]);
  });

  it('never repeats a fetch that failed once its connection was open', async () => {
    const { fetcher, calls, failovers } = fetcherOver([A, B], new Set([A]), true);
    await expect(fetcher(A, {})).rejects.toMatchObject({ sent: true });
    expect(calls).toEqual([A]);
    expect(failovers()).toBe(0);
  });

  it('does not fail over with one instance', async () => {
    const { fetcher, calls } = fetcherOver([A], new Set([A]));
    await expect(fetcher(A, {})).rejects.toBeInstanceOf(SubgraphUnavailableError);
    expect(calls).toEqual([A]);
  });
});
