// Publishes the open data of a subtree (no personal data) into a folder, on demand or from a
// scheduler (cron, a Kubernetes CronJob):
//   npm run open-data -- --root <organization id> --out open-data/ [--year 2023] --token <jwt>
// The datasets and their columns are in README.md ("Open data").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayRequest } from './graph-request';
import { schemaOfSupergraph } from './open-data/open-data-dictionary';
import { publishOpenData } from './open-data/publish-open-data';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    out: { type: 'string', default: 'open-data' },
    year: { type: 'string', default: String(new Date().getFullYear() - 1) },
    only: { type: 'string' },
    token: { type: 'string' },
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
  },
});

async function main(): Promise<number> {
  const token = values.token ?? process.env.JICENG_TOKEN;
  if (!values.root || !token || !/^\d{4}$/.test(values.year)) {
    console.error(
      'usage: npm run open-data -- --root <organization id> [--out open-data] [--year YYYY] [--only a,b] --token <jwt> (or JICENG_TOKEN) [--gateway <url>]',
    );
    return 2;
  }
  const schema = schemaOfSupergraph(
    readFileSync(resolve(__dirname, '..', 'supergraph.graphql'), 'utf8'),
  );
  const published = await publishOpenData(gatewayRequest(values.gateway, token), schema, {
    root: values.root,
    year: values.year,
    outDir: values.out,
    only: values.only?.split(',').filter(Boolean),
  });
  for (const d of published) console.log(`${d.name}\t${d.rows} rows\t${d.title}`);
  console.log(`${published.length} datasets and data-dictionary.{json,csv} in ${values.out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`open data failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
