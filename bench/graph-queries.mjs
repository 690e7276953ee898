// Benchmark of the graph as clients use it: each scenario is one GraphQL operation sent through
// the gateway of a running platform (`npm start`), sequentially, after warm-up requests.
//   npm run bench -- [--gateway http://127.0.0.1:4000/graphql] [--runs 30] [--only name]
// Prints one line per scenario: min / median / p95 / max in milliseconds and the response size.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scenarios } from './scenarios.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});

function token(role, orgId) {
  const args = [
    'dist/gateway/scripts/mint-token.js',
    '--role',
    role,
    '--sub',
    `bench-${role.toLowerCase()}`,
  ];
  if (orgId) args.push('--org', orgId);
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

async function send(query, variables, bearer) {
  const res = await fetch(values.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  if (body.errors)
    throw new Error(`${body.errors[0].message} (${body.errors[0].extensions?.code})`);
  return { body, bytes: text.length };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const admin = token('ADMIN');
  const ctx = {
    token,
    send: (query, variables, bearer = admin) =>
      send(query, variables, bearer).then((r) => r.body.data),
    admin,
  };
  console.log(
    `gateway ${values.gateway}, ${values.runs} runs after ${values.warmup} warm-up runs, node ${process.version}`,
  );
  for (const scenario of scenarios) {
    if (values.only && !scenario.name.includes(values.only)) continue;
    const { query, variables, bearer = admin } = await scenario.prepare(ctx);
    for (let i = 0; i < Number(values.warmup); i++) await send(query, variables, bearer);
    const times = [];
    let bytes = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const start = process.hrtime.bigint();
      bytes = (await send(query, variables, bearer)).bytes;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const f = (n) => n.toFixed(1).padStart(8);
    console.log(
      `${scenario.name.padEnd(48)} min${f(times[0])}  median${f(percentile(times, 50))}  p95${f(percentile(times, 95))}  max${f(times[times.length - 1])} ms  ${bytes} B`,
    );
  }
}

main().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
