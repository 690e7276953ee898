// Latency of the rural analyst queries on the demo data, through the gateway of a running
// platform (`npm start`, which loads the rural demo), each operation sequentially after warm-up
// requests:
//
//   npm run -s build && node services/rural/bench/analyst-queries.mjs [--gateway http://127.0.0.1:4000/graphql] [--runs 30] [--warmup 3]
//
// Prints one line per scenario: min / median / p95 / max in milliseconds and the response size,
// then the rural subgraph's Mongo command counts per operation when --metrics is given its URL
// (e.g. --metrics http://127.0.0.1:4005/metrics).
import { parseArgs } from 'node:util';
import { mintToken as token, percentile, postGraphQL } from '../../../bench/graph-client.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    metrics: { type: 'string' },
  },
});

const admin = token('ADMIN');
async function orgId(name) {
  const { data } = await postGraphQL(
    values.gateway,
    admin,
    'query($n: String!) { organizations(first: 1, filter: { nameContains: $n }) { edges { node { id } } } }',
    { n: name },
  );
  const id = data.organizations.edges[0]?.node.id;
  if (!id) throw new Error(`demo organization ${name} not found: run npm start first`);
  return id;
}

async function mongoCommands() {
  if (!values.metrics) return null;
  const text = await (await fetch(values.metrics)).text();
  return [...text.matchAll(/mongo_commands_total\{command="(\w+)"\} (\d+)/g)].reduce(
    (sum, m) => sum + Number(m[2]),
    0,
  );
}

async function main() {
  const xiongan = await orgId('中共河北雄安新区工作委员会');
  const linghe = await orgId('中共锦州市凌河区委员会');
  const analyst = token('ANALYST', xiongan);
  const lingheAnalyst = token('ANALYST', linghe);
  const TOTALS = `query($org: ID, $f: RuralFundingFilter) { ruralFundingTotals(organizationId: $org, filter: $f) {
    investmentFen subsidyFen projectCount villageCount byYear { year investmentFen subsidyFen }
    byKind { kindLabel investmentFen subsidyFen } byRegion { regionCode investmentFen subsidyFen } } }`;
  const scenarios = [
    ['ADMIN: ruralFundingTotals, every village', TOTALS, {}, admin],
    ['ANALYST 雄安: ruralFundingTotals of its subtree', TOTALS, {}, analyst],
    [
      'ANALYST 雄安: totals for 容城 (130629) in 2022',
      TOTALS,
      { f: { regionCode: '130629', year: 2022 } },
      analyst,
    ],
    [
      'ANALYST 雄安: totals of 示范创建 projects',
      TOTALS,
      { f: { kinds: ['DEMONSTRATION'] } },
      analyst,
    ],
    [
      'ANALYST 雄安: villages over 50万元 in 2023',
      `{ villagesByCollectiveIncome(year: 2023, minFen: 50000000, first: 100) { count villages { name amountFen } } }`,
      {},
      analyst,
    ],
    [
      'ANALYST 凌河区: secretaryProjectCompletion',
      `{ secretaryProjectCompletion { year total approved accepted inProgress completionRate } }`,
      {},
      lingheAnalyst,
    ],
    [
      'ANALYST 凌河区: commitmentSheetStats 2022',
      `{ commitmentSheetStats(year: 2022) { sheets goals byStage { stage count } byRole { role count } } }`,
      {},
      lingheAnalyst,
    ],
    [
      'ANALYST 雄安: ruralPairingSummary (雄安—潍坊)',
      `{ ruralPairingSummary(filter: { program: "雄安—潍坊跨省党建联建" }) { pairings villages projects investmentFen areaMu } }`,
      {},
      analyst,
    ],
    [
      'ANALYST 雄安: 3 counties × Organization.ruralProjects(10)',
      `query($id: ID!) { organization(id: $id) { children(first: 10, filter: { kinds: [PARTY_COMMITTEE] }) {
        edges { node { name ruralProjects(first: 10) { totalCount edges { node { name investmentFen } } } } } } } }`,
      { id: xiongan },
      analyst,
    ],
  ];
  console.log(
    `gateway ${values.gateway}, ${values.runs} runs after ${values.warmup} warm-up runs, node ${process.version}`,
  );
  for (const [name, query, variables, bearer] of scenarios) {
    for (let i = 0; i < Number(values.warmup); i++)
      await postGraphQL(values.gateway, bearer, query, variables);
    const before = await mongoCommands();
    const times = [];
    let bytes = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const start = process.hrtime.bigint();
      bytes = (await postGraphQL(values.gateway, bearer, query, variables)).bytes;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const after = await mongoCommands();
    times.sort((a, b) => a - b);
    const f = (n) => n.toFixed(1).padStart(7);
    const commands =
      before === null ? '' : `  ${((after - before) / times.length).toFixed(1)} mongo cmds/op`;
    console.log(
      `${name.padEnd(56)} min${f(times[0])}  median${f(percentile(times, 50))}  p95${f(percentile(times, 95))}  max${f(times[times.length - 1])} ms  ${bytes} B${commands}`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
