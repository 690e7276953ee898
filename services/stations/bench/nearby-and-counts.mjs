// Benchmark of the stations subgraph on the demo data, through the gateway of a running platform
// (`npm start`): the nearby search (15分钟服务圈) from many random points in 运河区, and the visit
// statistics (服务人次) of 运河区 grouped several ways. Sequential requests after warm-up.
//   node services/stations/bench/nearby-and-counts.mjs [--gateway http://127.0.0.1:4000/graphql]
//     [--points 300] [--runs 30]
// Prints min / median / p95 / max in milliseconds per scenario. Needs `npm run build` (tokens).
import { parseArgs } from 'node:util';
import { mintToken as token, percentile, postGraphQL } from '../../../bench/graph-client.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    points: { type: 'string', default: '300' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
  },
});

const send = async (bearer, query, variables) =>
  (await postGraphQL(values.gateway, bearer, query, variables)).data;

// Deterministic points: the same run every time (mulberry32).
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time(name, count, request) {
  for (let i = 0; i < Number(values.warmup); i++) await request(i);
  const times = [];
  let last;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    last = await request(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const f = (n) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(58)} n=${String(count).padEnd(4)} min${f(times[0])}  median${f(percentile(times, 50))}  p95${f(percentile(times, 95))}  max${f(times.at(-1))} ms`,
  );
  return last;
}

const NEARBY = `query($input: NearbyStationsInput!) { nearbyStations(input: $input, first: 10) {
  totalCount edges { distanceMeters node { id name openNow } } } }`;
const STATS = `query($o: ID!, $g: [StationVisitDimension!]) {
  stationVisitStats(organizationId: $o, period: "2023", groupBy: $g) { stations visits rows { visits } } }`;

async function main() {
  const admin = token('ADMIN');
  const found = await send(
    admin,
    'query($n: String!) { organizations(first: 1, filter: { nameContains: $n }) { edges { node { id } } } }',
    { n: '中共沧州市运河区委员会' },
  );
  const yunhe = found.organizations.edges[0]?.node.id;
  if (!yunhe) throw new Error('运河区 not found: run npm start (the demo data) first');
  const analyst = token('ANALYST', yunhe);
  const rider = token('MEMBER', yunhe);
  console.log(`gateway ${values.gateway}, node ${process.version}`);

  // Random points over 运河区 (about 7 × 7 km around 116.84 E, 38.30 N).
  const next = random(20230515);
  const points = Array.from({ length: Number(values.points) + Number(values.warmup) }, () => ({
    longitude: 116.8 + next() * 0.08,
    latitude: 38.27 + next() * 0.06,
  }));
  const found3km = [];
  await time('nearby: 3 km, first 10', Number(values.points), async (i) => {
    const data = await send(rider, NEARBY, { input: { ...points[i], radiusMeters: 3000 } });
    found3km.push(data.nearbyStations.totalCount);
    return data;
  });
  await time('nearby: 3 km, open now, microwave', Number(values.points), (i) =>
    send(rider, NEARBY, {
      input: { ...points[i], radiusMeters: 3000, openNow: true, amenities: ['MICROWAVE'] },
    }),
  );
  await time('nearby: 50 km (every 运河区 station), first 10', Number(values.points), (i) =>
    send(rider, NEARBY, { input: { ...points[i], radiusMeters: 50_000 } }),
  );
  const mean = found3km.reduce((a, b) => a + b, 0) / found3km.length;
  console.log(
    `  stations within 3 km of a point: mean ${mean.toFixed(1)}, max ${Math.max(...found3km)}`,
  );

  const runs = Number(values.runs);
  for (const groupBy of [
    [],
    ['MONTH'],
    ['SERVICE', 'WORKER_KIND'],
    ['STATION', 'MONTH'],
    ['DAY', 'STATION'],
  ]) {
    const data = await time(`stationVisitStats 运河区 2023 by [${groupBy.join(', ')}]`, runs, () =>
      send(analyst, STATS, { o: yunhe, g: groupBy }),
    );
    if (!groupBy.length)
      console.log(
        `  ${data.stationVisitStats.stations} stations, ${data.stationVisitStats.visits} visits`,
      );
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
