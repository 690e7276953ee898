// Our gateway (merging identical subgraph queries, and with merging off) beside Hive Gateway 2.x
// (its defaults, and with in-flight deduplication off) and the organizations subgraph queried
// directly, on the same subgraph processes: requests per second and latency percentiles at a
// fixed concurrency, runs alternating between targets.
//
//   npm run -s build && HIVE_GATEWAY_DIR=/work/hive-bench node bench/gateway-vs-hive.mjs \
//     [--concurrency 32] [--seconds 8] [--rounds 3] [--tokens 1]
//
// HIVE_GATEWAY_DIR is a scratch folder outside the repository with `npm install @graphql-hive/gateway@2`
// (never a dependency of the project); without it the Hive rows are skipped. Needs the local Kafka
// and Mongo-wire server; starts organizations, members and stations on fresh databases with
// consumer groups of their own, on loopback only, and removes the databases at the end.
// --tokens N spreads the load over N tokens of the same role and scope (no merging across them);
// --only Q2 runs the queries whose name contains Q2; BENCH_CPU_PROF_DIR=<dir> has our gateways
// write V8 CPU profiles there when they stop.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closedLoop, ROOT, startProcess } from './load.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'dist', path));
const auth = dist('libs/auth/src/index.js');
const { createKafka } = dist('libs/kafka/src/index.js');
const { startGroupsAtTopicEnds } = dist('libs/testing/src/kafka-groups.js');
const { Topics } = dist('libs/events/src/index.js');
const mongoose = require('mongoose');

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    tokens: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const CONCURRENCY = Number(values.concurrency);
const SECONDS = Math.min(Number(values.seconds), 60);
const ROUNDS = Math.min(Number(values.rounds), 10);
const run = randomBytes(4).toString('hex');
const SUBGRAPHS = ['organizations', 'members', 'stations'];
const log = (line) => process.stderr.write(`${line}\n`);

const CHILDREN = '(first: 10) { edges { node { id name kindLabel';
const QUERIES = {
  'Q1 organizations': `query($id: ID!) { organization(id: $id) { name kindLabel children${CHILDREN} } } } } }`,
  'Q2 + members': `query($id: ID!) { organization(id: $id) { name kindLabel children${CHILDREN} memberCount } } } } }`,
  'Q3 + members + stations': `query($id: ID!) { organization(id: $id) { name kindLabel children${CHILDREN} memberCount stations(first: 5) { totalCount } } } } } }`,
};

async function startSubgraphs() {
  const apps = {};
  const groups = SUBGRAPHS.slice(1).map((name) => ({
    groupId: `jiceng-${name}-bench-org-${run}`,
    topic: Topics.organizationsLifecycle,
  }));
  // Projections start at the topic's end: they see only the tree this run creates.
  await startGroupsAtTopicEnds(createKafka('jiceng-gateway-bench'), groups);
  for (const [i, name] of SUBGRAPHS.entries()) {
    apps[name] = await startProcess(
      `services/${name}`,
      join(ROOT, 'dist/services', name, 'src/main.js'),
      {
        MONGO_DB: `jiceng_${name}_gwbench_${run}`,
        ...(i > 0 && { ORG_PROJECTION_GROUP: groups[i - 1].groupId }),
      },
    );
  }
  return apps;
}

/** The supergraph with this run's subgraph URLs, for Hive (ours takes SUBGRAPH_URL_<NAME>). */
function supergraphFor(apps) {
  let sdl = readFileSync(join(ROOT, 'gateway/supergraph.graphql'), 'utf8');
  for (const [name, app] of Object.entries(apps)) {
    sdl = sdl.replace(new RegExp(`(name: "${name}", url: ")[^"]+`), `$1${app.url}`);
  }
  const dir = join(ROOT, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `supergraph-${run}.graphql`);
  writeFileSync(path, sdl);
  return path;
}

async function startGateways(apps) {
  const urls = Object.fromEntries(
    Object.entries(apps).map(([name, app]) => [`SUBGRAPH_URL_${name.toUpperCase()}`, app.url]),
  );
  const main = join(ROOT, 'dist/gateway/src/main.js');
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const ours = (env) => startProcess('gateway', main, env, undefined, nodeArgs);
  const gateways = {
    ours: await ours(urls),
    // Every subgraph fetch sent: what the gateway costs beside Hive without its deduplication.
    'ours-nomerge': await ours({ ...urls, SUBGRAPH_MERGE_WAIT_MS: '0' }),
  };
  const hiveDir = process.env.HIVE_GATEWAY_DIR;
  const cli = hiveDir && join(hiveDir, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  if (!cli || !existsSync(cli)) {
    log(
      `Hive Gateway skipped: set HIVE_GATEWAY_DIR to a folder with \`npm install @graphql-hive/gateway@2\` (${hiveDir ? `${cli} not found` : 'unset'})`,
    );
    return gateways;
  }
  const supergraph = supergraphFor(apps);
  for (const [name, dedup] of [
    ['hive', 'on'],
    ['hive-nodedup', 'off'],
  ]) {
    gateways[name] = await startProcess(
      name,
      cli,
      { HIVE_SUPERGRAPH: supergraph, HIVE_DEDUPLICATION: dedup },
      (port) => [
        'supergraph',
        supergraph,
        '--config-path',
        join(ROOT, 'bench/hive-gateway.config.mjs'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
    );
  }
  return gateways;
}

async function post(url, headers, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${body.errors[0].message} (${res.status})`);
  return body.data;
}

/** A district with six streets of three communities, created through our gateway. */
async function createTree(gateway, admin) {
  const create = async (name, kind, sector, parentId) =>
    (
      await post(
        gateway,
        admin,
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        {
          i: { name, kind, sector, regionCode: '130903', ...(parentId && { parentId }) },
        },
      )
    ).createOrganization.id;
  const district = await create('基准区委', 'PARTY_COMMITTEE', 'STATE_ORGAN');
  const ids = [district];
  for (let s = 1; s <= 6; s++) {
    const street = await create(`基准第${s}街道党工委`, 'WORKING_COMMITTEE', 'COMMUNITY', district);
    ids.push(street);
    for (let c = 1; c <= 3; c++)
      ids.push(await create(`基准第${s}-${c}社区党委`, 'PARTY_COMMITTEE', 'COMMUNITY', street));
  }
  return { district, ids };
}

async function waitUntilAnswered(gateway, headers, query, variables) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      return await post(gateway, headers, query, variables);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function targetsFor(gateways, apps, bearers, claimHeaders, queryName) {
  const viaGateway = (name) => ({
    name,
    url: gateways[name].url,
    headers: bearers.map((b) => ({ authorization: `Bearer ${b}` })),
  });
  const targets = Object.keys(gateways).map(viaGateway);
  // The floor: the one subgraph of Q1 with the signed header the gateways would send it.
  if (queryName.startsWith('Q1'))
    targets.push({
      name: 'organizations direct',
      url: apps.organizations.url,
      headers: claimHeaders.map((h) => ({ [auth.CLAIMS_HEADER]: h })),
    });
  return targets;
}

async function main() {
  const started = [];
  const apps = await startSubgraphs();
  started.push(...Object.values(apps));
  try {
    const gateways = await startGateways(apps);
    started.push(...Object.values(gateways));
    const admin = {
      authorization: `Bearer ${auth.mintToken({ sub: 'bench-admin', role: 'ADMIN' }, auth.jwtSecretFromEnv())}`,
    };
    const { district, ids } = await createTree(gateways.ours.url, admin);
    const tokenCount = Math.max(1, Number(values.tokens));
    const claims = Array.from({ length: tokenCount }, (_, i) => ({
      sub: `bench-analyst-${i}`,
      role: 'ANALYST',
      orgId: district,
    }));
    const bearers = claims.map((c) => auth.mintToken(c, auth.jwtSecretFromEnv()));
    const claimHeaders = bearers.map((b) =>
      auth.signClaims(
        auth.verifyBearer(`Bearer ${b}`, auth.jwtSecretFromEnv()),
        auth.claimsSecretFromEnv(),
      ),
    );
    const variables = { id: district };
    log(`waiting for the members and stations projections of ${ids.length} organizations`);
    await waitUntilAnswered(
      gateways.ours.url,
      { authorization: `Bearer ${bearers[0]}` },
      QUERIES['Q3 + members + stations'],
      variables,
    );

    console.log(
      `concurrency ${CONCURRENCY}, ${SECONDS} s per run, ${ROUNDS} rounds, ${tokenCount} token(s), node ${process.version}, load before: ${loadAverage()}`,
    );
    for (const [queryName, query] of Object.entries(QUERIES)) {
      if (values.only && !queryName.includes(values.only)) continue;
      const targets = targetsFor(gateways, apps, bearers, claimHeaders, queryName);
      for (const target of targets)
        await closedLoop({ ...target, query, variables, concurrency: CONCURRENCY, seconds: 1 }); // warm-up
      const results = Object.fromEntries(targets.map((t) => [t.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order each round, so that no target always runs right after another.
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const target of order)
          results[target.name].push(
            await closedLoop({
              ...target,
              query,
              variables,
              concurrency: CONCURRENCY,
              seconds: SECONDS,
            }),
          );
      }
      report(queryName, results);
    }
    console.log(`load after: ${loadAverage()}`);
  } finally {
    await Promise.all(started.map((p) => p.stop()));
    await dropDatabases();
  }
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function report(queryName, results) {
  const ours = median(results.ours.map((r) => r.rps));
  console.log(`\n${queryName}`);
  console.log(
    'target                  req/s (median of runs, all runs)            p50 ms   p99 ms   ours ÷ target',
  );
  for (const [name, runs] of Object.entries(results)) {
    const rps = median(runs.map((r) => r.rps));
    const p50 = median(runs.map((r) => r.p50));
    const p99 = median(runs.map((r) => r.p99));
    const all = runs.map((r) => r.rps.toFixed(0)).join(' / ');
    console.log(
      `${name.padEnd(22)} ${rps.toFixed(0).padStart(7)}  (${all})`.padEnd(66) +
        `${p50.toFixed(1).padStart(7)}  ${p99.toFixed(1).padStart(7)}   ${(ours / rps).toFixed(2)}×`,
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function dropDatabases() {
  const conn = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017')
    .asPromise();
  for (const name of SUBGRAPHS) await conn.useDb(`jiceng_${name}_gwbench_${run}`).dropDatabase();
  await conn.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`benchmark failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
