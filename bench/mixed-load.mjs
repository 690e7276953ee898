// A mixed load on a running platform (`npm start` with its demo data): front-end reads and station
// check-ins at fixed rates, and two analysts looping over the analyst scenarios. It first measures
// the plain organization read alone, then beside the rest, and counts every error by code.
//   node bench/mixed-load.mjs [--gateway URL] [--alone 60] [--mixed 600] [--read-rate 20] [--visit-rate 10]
// Bounded: it stops after --alone + --mixed seconds, with at most 200 requests in flight.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { mintToken, percentile, postGraphQL } from './graph-client.mjs';
import { scenarios } from './scenarios.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    alone: { type: 'string', default: '60' },
    mixed: { type: 'string', default: '600' },
    'read-rate': { type: 'string', default: '20' },
    'visit-rate': { type: 'string', default: '10' },
  },
});
const MAX_IN_FLIGHT = 200;
const errors = new Map(); // code → count
let inFlight = 0;

/** One operation; resolves its latency in ms, or null (counted by code) when it failed. */
async function send(bearer, query, variables) {
  const start = performance.now();
  inFlight++;
  try {
    const res = await fetch(values.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = JSON.parse(await res.text());
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code ?? `HTTP ${res.status}`;
      errors.set(code, (errors.get(code) ?? 0) + 1);
    }
    return body.errors ? null : performance.now() - start;
  } catch (error) {
    const code = error.name === 'TimeoutError' ? 'CLIENT_TIMEOUT_60S' : 'NETWORK';
    errors.set(code, (errors.get(code) ?? 0) + 1);
    return null;
  } finally {
    inFlight--;
  }
}

/** Starts `op` every 1000/rate ms until `until` (an open loop: a slow answer does not slow it). */
async function fixedRate(rate, until, op) {
  if (!(rate > 0)) return { latencies: [], skipped: 0 };
  const latencies = [];
  const pending = [];
  let skipped = 0;
  for (let next = performance.now(); next < until; next += 1000 / rate) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      continue;
    }
    pending.push(op().then((ms) => ms !== null && latencies.push(ms)));
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), skipped };
}

const summary = ({ latencies }) =>
  latencies.length
    ? `${latencies.length} ok, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`
    : 'no successful request';

async function main() {
  const admin = mintToken('ADMIN');
  const ctx = {
    token: mintToken,
    admin,
    send: (query, variables, bearer = admin) =>
      postGraphQL(values.gateway, bearer, query, variables).then((r) => r.data),
  };
  const { organizations } = await ctx.send(
    '{ organizations(first: 1, filter: { nameContains: "中共沧州市运河区委员会" }) { edges { node { id } } } }',
  );
  const yunhe = organizations.edges[0]?.node.id;
  if (!yunhe) throw new Error('demo data not found: run npm start first');
  const { organization } = await ctx.send(
    `query($id: ID!) { organization(id: $id) {
      descendants(first: 100) { edges { node { id } } }
      stations(includeSubtree: true, first: 20) { edges { node { id services } } } } }`,
    { id: yunhe },
  );
  const orgIds = organization.descendants.edges.map((e) => e.node.id);
  const stations = organization.stations.edges.map((e) => e.node);
  if (!stations.length) throw new Error('no demo stations in 运河区 yet: wait for the demo data');
  const reader = mintToken('ORG_ADMIN', yunhe);
  const operator = mintToken('STATION_OPERATOR', yunhe);
  const analystOps = [];
  for (const scenario of scenarios.filter((s) => /^(analyst|ORG_ADMIN: 100 members)/.test(s.name)))
    analystOps.push({ name: scenario.name, ...(await scenario.prepare(ctx)) });

  let n = 0;
  const plainRead = () =>
    send(
      reader,
      'query($id: ID!) { organization(id: $id) { id name kindLabel parent { name } } }',
      {
        id: orgIds[n++ % orgIds.length],
      },
    );
  const visit = () => {
    const station = stations[n++ % stations.length];
    return send(
      operator,
      `mutation($input: RecordStationVisitInput!) { recordStationVisit(input: $input) { id } }`,
      {
        input: {
          clientVisitId: `bench-${randomUUID()}`,
          stationId: station.id,
          workerKind: 'DELIVERY_RIDER',
          services: [station.services[0]],
          channel: 'STATION_TERMINAL',
        },
      },
    );
  };

  const readRate = Number(values['read-rate']);
  console.log(`${values.gateway}: plain reads at ${readRate}/s alone for ${values.alone} s …`);
  const alone = await fixedRate(
    readRate,
    performance.now() + Number(values.alone) * 1000,
    plainRead,
  );
  const errorsAlone = new Map(errors);
  errors.clear();

  console.log(
    `… then beside ${values['visit-rate']} check-ins/s and two analysts looping over ${analystOps.length} queries for ${values.mixed} s`,
  );
  const until = performance.now() + Number(values.mixed) * 1000;
  const analystTimes = new Map(analystOps.map((op) => [op.name, []]));
  const analyst = async (offset) => {
    for (let i = offset; performance.now() < until; i++) {
      const op = analystOps[i % analystOps.length];
      const ms = await send(op.bearer ?? admin, op.query, op.variables);
      if (ms !== null) analystTimes.get(op.name).push(ms);
    }
  };
  const [mixed, visits] = await Promise.all([
    fixedRate(readRate, until, plainRead),
    fixedRate(Number(values['visit-rate']), until, visit),
    analyst(0),
    analyst(3),
  ]);

  const p99 = (r) => percentile(r.latencies, 99);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`plain organization read alone:      ${summary(alone)}`);
  console.log(`plain organization read, mixed:     ${summary(mixed)} (skipped ${mixed.skipped})`);
  console.log(`  p99 mixed / p99 alone:            ${(p99(mixed) / p99(alone)).toFixed(2)}×`);
  console.log(`recordStationVisit, mixed:          ${summary(visits)} (skipped ${visits.skipped})`);
  for (const [name, times] of analystTimes) {
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(66)} ${summary({ latencies: times })}`);
  }
  const show = (m) => (m.size ? JSON.stringify(Object.fromEntries(m)) : 'none');
  console.log(`errors alone: ${show(errorsAlone)}; errors mixed: ${show(errors)}`);
  if (errors.get('INTERNAL_SERVER_ERROR') || errorsAlone.get('INTERNAL_SERVER_ERROR'))
    process.exitCode = 1;
}

main().catch((error) => {
  console.error(`mixed load failed: ${error.message}`);
  process.exit(1);
});
