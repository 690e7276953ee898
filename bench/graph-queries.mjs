// Benchmark of the graph as clients use it: each scenario is one GraphQL operation sent through
// the gateway of a running platform (`npm start`), sequentially, after warm-up requests.
//   npm run bench -- [--gateway http://127.0.0.1:4000/graphql] [--runs 30] [--only name]
// Prints one line per scenario: min / median / p95 / max in milliseconds and the response size.
import { parseArgs } from 'node:util';
import { mintToken as token, percentile, postGraphQL } from './graph-client.mjs';
import { scenarios } from './scenarios.mjs';

const { values } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});

async function main() {
  const admin = token('ADMIN');
  const ctx = {
    token,
    send: (query, variables, bearer = admin) =>
      postGraphQL(values.gateway, bearer, query, variables).then((r) => r.data),
    admin,
  };
  console.log(
    `gateway ${values.gateway}, ${values.runs} runs after ${values.warmup} warm-up runs, node ${process.version}`,
  );
  for (const scenario of scenarios) {
    if (values.only && !scenario.name.includes(values.only)) continue;
    const { query, variables, bearer = admin } = await scenario.prepare(ctx);
    for (let i = 0; i < Number(values.warmup); i++)
      await postGraphQL(values.gateway, bearer, query, variables);
    const times = [];
    let bytes = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const start = process.hrtime.bigint();
      bytes = (await postGraphQL(values.gateway, bearer, query, variables)).bytes;
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
