// `npm start`: local infrastructure, a build, every subgraph, the demo data and the gateway,
// then the gateway URL and ready tokens. Ctrl-C stops the apps; `npm run infra:down` stops
// Kafka and the Mongo-wire server.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { up } from './infra-lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const logDir = join(root, 'tmp', 'platform-logs');
const children = [];
const started = Date.now();
const step = (message) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function fail(message) {
  console.error(`npm start failed: ${message}`);
  stopAll().then(() => process.exit(1));
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(
      `${[command, ...args].join(' ')} exited with ${result.status}\n${result.stderr ?? ''}`,
    );
  return result.stdout ?? '';
}

/** Runs a demo loader in its own process; its last output line is a JSON summary. */
function runSeed(seed) {
  return new Promise((resolveSeed, reject) => {
    const child = spawn(process.execPath, [join(root, seed.file)], { cwd: root, env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => {
      if (code !== 0)
        return reject(
          new Error(`demo data for ${seed.name} failed (exit ${code}): ${err.trim().slice(-2000)}`),
        );
      resolveSeed(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function waitHealthy(name, url, child, logFile) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode}; see ${logFile}`);
    const res = await fetch(url).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not healthy within 90 s; see ${logFile}`);
}

async function startApp(name, entry, port, env = {}) {
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  children.push(child);
  await waitHealthy(name, `http://127.0.0.1:${port}/health`, child, logFile);
  step(`${name} ready on port ${port} (log: ${logFile})`);
}

/** SIGTERM lets each app close its connections; one still running after 10 s is killed. */
async function stopAll() {
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null) return undefined;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      return new Promise((r) => {
        child.once('exit', () => (clearTimeout(timer), r()));
        child.kill('SIGTERM');
      });
    }),
  );
}

async function main() {
  mkdirSync(logDir, { recursive: true });
  step('starting local Kafka and Mongo-wire server');
  const infra = await up({ log: (line) => step(`  ${line}`) });
  // Every app and loader started below reaches the infrastructure just started.
  process.env.KAFKA_BROKERS ??= `127.0.0.1:${infra.kafka.port}`;
  process.env.MONGO_URL ??= `mongodb://127.0.0.1:${infra.mongo.port}`;

  step('building');
  run('npm', ['run', '-s', 'build']);

  const { SUBGRAPHS } = createRequire(import.meta.url)(join(root, 'dist/gateway/src/subgraphs.js'));
  for (const subgraph of SUBGRAPHS) {
    const appDir = subgraph.schemaDir.replace(/\/src$/, '');
    await startApp(subgraph.name, `dist/${appDir}/src/main.js`, Number(new URL(subgraph.url).port));
  }

  // The organization tree first: every other loader waits for it in its own projection. The
  // gateway serves as soon as the tree is there; members (100,000) and the loaders that build on
  // them follow in order while it serves.
  const seeds = SUBGRAPHS.map((s) => ({
    name: s.name,
    file: `dist/${s.schemaDir}/demo/seed-demo.js`,
  })).filter((s) => existsSync(join(root, s.file)));
  let landmarks = {};
  const loaded = (seed, summary) => {
    landmarks = { ...landmarks, ...summary.landmarks };
    step(`demo data for ${seed.name}: ${JSON.stringify({ ...summary, landmarks: undefined })}`);
  };
  const [tree, ...rest] = seeds;
  loaded(tree, await runSeed(tree));

  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  await startApp('gateway', 'dist/gateway/src/main.js', gatewayPort);
  const token = (...args) =>
    run(process.execPath, ['dist/gateway/scripts/mint-token.js', ...args]).trim();
  console.log(`
jiceng is running.

  Gateway:  http://127.0.0.1:${gatewayPort}/graphql
  Explorer: http://127.0.0.1:${gatewayPort}/explorer

  ADMIN token:
    ${token('--role', 'ADMIN', '--sub', 'demo-admin')}
  ORG_ADMIN token for 运河区委 (${landmarks.yunhe}):
    ${token('--role', 'ORG_ADMIN', '--org', landmarks.yunhe, '--sub', 'demo-yunhe-admin')}

  Try:
    curl -s http://127.0.0.1:${gatewayPort}/graphql -H 'content-type: application/json' \\
      -H "authorization: Bearer <token>" \\
      -d '{"query":"{ organization(id: \\"${landmarks.yunhe}\\") { name descendantCount children(first: 10) { edges { node { name kindLabel } } } } }"}'

  More tokens: npm run token -- --role ORG_ADMIN --org <organization id>
  Ctrl-C stops the apps; npm run infra:down stops Kafka and Mongo.
`);
  step(
    `loading the rest of the demo data while the gateway serves: ${rest.map((s) => s.name).join(', ')}`,
  );
  for (const seed of rest) loaded(seed, await runSeed(seed));
  step('all demo data loaded');
  await reportFirmBonuses(gatewayPort, token('--role', 'ADMIN', '--sub', 'demo-admin'));
}

/**
 * The firms in a bonus tier in the demo's bonus quarter, as the credit service answers once its
 * ledger has taken in the approvals and announced the tiers (the credit service announces a
 * firm's tier once its points have been still for a minute): polled until the answer stops
 * changing and every tier is announced, at most 4 minutes.
 */
async function reportFirmBonuses(gatewayPort, adminToken) {
  const { DEMO_BONUS_QUARTER } = createRequire(import.meta.url)(
    join(root, 'dist/libs/demo/src/index.js'),
  );
  const query = `{ firmCreditBonuses(period: "${DEMO_BONUS_QUARTER}") { tier points announcedTier } }`;
  const ask = () =>
    fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query }),
    })
      .then((res) => res.json())
      .then((body) => body.data?.firmCreditBonuses ?? [])
      .catch(() => []);
  const deadline = Date.now() + 240_000;
  let last = '';
  let stable = 0;
  let bonuses = [];
  const announced = () => bonuses.filter((b) => b.announcedTier === b.tier).length;
  while (Date.now() < deadline && (stable < 3 || announced() < bonuses.length)) {
    bonuses = (await ask()).filter((b) => b.tier !== 'NONE');
    const now = JSON.stringify(bonuses.map((b) => b.points).sort());
    stable = now === last && bonuses.length ? stable + 1 : 0;
    last = now;
    await new Promise((r) => setTimeout(r, 3000));
  }
  const byTier = {};
  for (const b of bonuses) byTier[b.tier] = (byTier[b.tier] ?? 0) + 1;
  step(
    `党建信用加分 ${DEMO_BONUS_QUARTER}: ${bonuses.length} firms in a tier ${JSON.stringify(byTier)}, ${announced()} announced on jiceng.credit.firm-bonus.v1 (firmCreditBonuses(period: "${DEMO_BONUS_QUARTER}"))`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll().then(() => process.exit(0)));
}
main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
