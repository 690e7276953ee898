// The local Mongo-wire server beside stock mongo-java-server, on the query shapes this platform
// sends: compare-and-set by { _id, version }, _id reads with conditions, full scans (regex prefix,
// $match + $group), and a plain read of another collection while two analysts' scans loop.
// Both servers are started here on free ports with fresh data files; alternating rounds.
//
//   node infra/local/bench/local-store.mjs [documents=100000] [rounds=3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { build, mongoServerArgs } from '../infra-lib.mjs';

const { mongo } = createRequire(import.meta.url)('mongoose');
const DOCS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startServer(cfg, label, stock) {
  const dir = mkdtempSync(join(tmpdir(), `local-store-${label}-`));
  const port = await freePort();
  const args = mongoServerArgs(cfg, {
    port,
    dataFile: join(dir, 'mongo.mv'),
    cacheMb: 512,
    logFile: join(dir, 'server.log'),
    stock,
  });
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`${label} server exited with ${code}`)));
  });
  const client = await mongo.MongoClient.connect(`mongodb://127.0.0.1:${port}`);
  return {
    label,
    client,
    db: client.db('bench'),
    async stop() {
      await client.close();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const birth = (j) => new Date(Date.UTC(1950 + (j % 55), j % 12, 1 + (j % 28)));

async function load(server) {
  const members = server.db.collection('members');
  const ids = [];
  const start = Date.now();
  for (let i = 0; i < DOCS; i += 5000) {
    const docs = [];
    for (let j = i; j < Math.min(DOCS, i + 5000); j++) {
      const _id = new mongo.ObjectId();
      ids.push(_id);
      docs.push({
        _id,
        version: 1,
        name: `党员${j}`,
        organizationId: `org${j % 1600}`,
        organizationPath: ['root', `street${j % 6}`, `org${j % 1600}`],
        status: j % 9 === 0 ? 'LEFT' : 'FULL',
        gender: j % 2 ? 'MALE' : 'FEMALE',
        birthDate: birth(j),
        idNumberHash: `h${j}`,
        outbox: [],
      });
    }
    await members.insertMany(docs);
  }
  const organizations = server.db.collection('organizations');
  const orgIds = Object.values(
    (await organizations.insertMany(Array.from({ length: 1000 }, (_, seq) => ({ seq }))))
      .insertedIds,
  );
  return { members, organizations, ids, orgIds, loadMs: Date.now() - start };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** Mean ms per call over up to `ops` calls, stopping after ~5 s (stock scans take seconds each). */
async function perOp(ops, fn, budgetMs = 5000) {
  const start = now();
  let done = 0;
  while (done < ops && (done === 0 || now() - start < budgetMs)) await fn(done++);
  return (now() - start) / done;
}
const quantile = (xs, q) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

async function plainReadP99(data, seconds, withScans) {
  let scanning = withScans;
  const scans = withScans
    ? Promise.all(
        [0, 1].map(async () => {
          const until = Date.now() + seconds * 1000;
          while (Date.now() < until)
            await data.members
              .aggregate([
                { $match: { status: { $ne: 'LEFT' } } },
                { $group: { _id: '$gender', n: { $sum: 1 } } },
              ])
              .toArray();
        }),
      ).finally(() => (scanning = false))
    : null;
  const latencies = [];
  const until = Date.now() + seconds * 1000;
  while (withScans ? scanning : Date.now() < until) {
    const start = now();
    await data.organizations.findOne({ _id: data.orgIds[latencies.length % data.orgIds.length] });
    latencies.push(now() - start);
  }
  await scans;
  return quantile(latencies, 0.99);
}

async function round(data) {
  let version = data.version ?? 1;
  const cas = await perOp(30, (i) =>
    data.members.updateOne(
      { _id: data.ids[(i * 3331) % DOCS], version },
      { $set: { version: version + 1 } },
    ),
  );
  data.version = version + 1;
  // every CAS above hit a fresh document only in the first round; later rounds miss: same cost
  const idRead = await perOp(30, (i) =>
    data.members.findOne({ _id: data.ids[(i * 7919) % DOCS], status: { $ne: 'X' } }),
  );
  const regex = await perOp(3, () =>
    data.members.find({ name: /^党员12/ }, { projection: { _id: 1 } }).toArray(),
  );
  const group = await perOp(3, () =>
    data.members
      .aggregate([
        { $match: { organizationPath: 'street1' } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ])
      .toArray(),
  );
  const alone = await plainReadP99(data, 3, false);
  const beside = await plainReadP99(data, 6, true);
  return { cas, idRead, regex, group, alone, beside };
}

const cfg = await build({ log: (m) => console.error(`[infra] ${m}`) });
const servers = [await startServer(cfg, 'stock', true), await startServer(cfg, 'local', false)];
try {
  const data = new Map();
  for (const server of servers) {
    data.set(server, await load(server));
    console.error(`${server.label}: ${DOCS} documents loaded in ${data.get(server).loadMs} ms`);
  }
  const results = new Map(servers.map((s) => [s, []]));
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [...servers].reverse() : servers;
    for (const server of order) results.get(server).push(await round(data.get(server)));
  }
  const median = (xs) => quantile(xs, 0.5);
  const rows = [
    ['updateOne({ _id, version })', 'cas', 'ms/op'],
    ['findOne({ _id, status })', 'idRead', 'ms/op'],
    ['find({ name: /^prefix/ }) (scan)', 'regex', 'ms/op'],
    ['$match + $group (scan)', 'group', 'ms/op'],
    ['plain read p99, alone', 'alone', 'ms'],
    ['plain read p99, 2 scans looping', 'beside', 'ms'],
  ];
  console.log(
    `\n${DOCS} documents, ${ROUNDS} alternating rounds (medians), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('| scenario | stock | local | stock/local |\n| --- | ---: | ---: | ---: |');
  for (const [label, key, unit] of rows) {
    const [a, b] = servers.map((s) => median(results.get(s).map((x) => x[key])));
    console.log(
      `| ${label} | ${a.toFixed(1)} ${unit} | ${b.toFixed(1)} ${unit} | ${(a / b).toFixed(1)}× |`,
    );
  }
} finally {
  for (const server of servers) await server.stop();
}
