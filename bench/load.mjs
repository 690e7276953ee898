// Throughput benchmarks' shared parts: a built app or a tool started as a process on a free
// loopback port, and a closed-loop load of one GraphQL operation at a fixed concurrency.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { percentile } from './graph-client.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The benchmarks run built apps, so libs/testing's free-port helper is built too.
const { freePort } = createRequire(import.meta.url)(
  join(ROOT, 'dist/libs/testing/src/app-process.js'),
);

/**
 * Runs `node [nodeArgs] script [args(port)]` with PORT and HOST=127.0.0.1 and resolves once its /health (or,
 * for Hive Gateway, /healthcheck) answers; output goes to tmp/bench-logs/<name>-<port>.log.
 */
export async function startProcess(name, script, env, args = () => [], nodeArgs = []) {
  const port = await freePort();
  const logDir = join(ROOT, 'tmp', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name.replace(/\//g, '-')}-${port}.log`);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args(port)], {
    env: { ...process.env, NODE_ENV: 'test', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}); see ${logFile}`);
    const ok = await Promise.any(
      ['/health', '/healthcheck'].map((path) =>
        fetch(base + path).then((res) => (res.ok ? true : Promise.reject(new Error()))),
      ),
    ).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `${base}/graphql`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * `concurrency` workers each send the operation again as soon as the previous answer arrives,
 * for `seconds`; worker i uses headers[i % headers.length]. An error in a response fails the run.
 */
export async function closedLoop({ url, headers, query, variables, concurrency, seconds }) {
  const body = JSON.stringify({ query, variables });
  const times = [];
  const end = performance.now() + seconds * 1000;
  const worker = async (i) => {
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[i % headers.length] },
      body,
    };
    while (performance.now() < end) {
      const start = performance.now();
      const res = await fetch(url, init);
      const text = await res.text();
      if (!res.ok || text.includes('"errors"'))
        throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
      times.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99) };
}
