// Imports a CSV through the graph, as the holder of the token:
//   npm run import -- members roster.csv [--dry-run] [--token <jwt>] [--gateway <url>] [--concurrency 4]
//   npm run import -- organizations organizations.csv [--dry-run] …
// The columns are in README.md ("CSV import"); the token may also come from JICENG_TOKEN.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { CsvSyntaxError } from '@jiceng/csv';
import { gatewayRequest } from './graph-request';
import type { ImportReport } from './import/import-kit';
import { importMembers } from './import/member-import';
import { importOrganizations } from './import/organization-import';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    token: { type: 'string' },
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    concurrency: { type: 'string', default: '4' },
  },
});

/** An enum's values and their Chinese labels (the value's description) → the value. */
function enumLabels(typeName: string): Map<string, string> {
  const sdl = readFileSync(resolve(__dirname, '..', 'supergraph.graphql'), 'utf8');
  const type = parse(sdl).definitions.find(
    (d): d is EnumTypeDefinitionNode =>
      d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === typeName,
  );
  const labels = new Map<string, string>();
  for (const value of type?.values ?? []) {
    labels.set(value.name.value, value.name.value);
    if (value.description) labels.set(value.description.value.trim(), value.name.value);
  }
  return labels;
}

async function main(): Promise<number> {
  const [kind, file] = positionals;
  const token = values.token ?? process.env.JICENG_TOKEN;
  if ((kind !== 'members' && kind !== 'organizations') || !file || !token) {
    console.error(
      'usage: npm run import -- members|organizations <file.csv> [--dry-run] --token <jwt> (or JICENG_TOKEN) [--gateway <url>] [--concurrency 4]',
    );
    return 2;
  }
  const request = gatewayRequest(values.gateway, token);
  let lastPrint = 0;
  const onProgress = (done: number, total: number) => {
    if (Date.now() - lastPrint < 2000 && done < total) return;
    lastPrint = Date.now();
    console.error(`${done}/${total} rows`);
  };
  const dryRun = values['dry-run'];
  const bytes = readFileSync(file);
  const report: ImportReport =
    kind === 'members'
      ? await importMembers(bytes, request, {
          dryRun,
          concurrency: Number(values.concurrency),
          statuses: enumLabels('MemberStatus'),
          onProgress,
        })
      : await importOrganizations(bytes, request, {
          dryRun,
          enums: {
            kinds: enumLabels('OrganizationKind'),
            sectors: enumLabels('OrganizationSector'),
          },
          onProgress,
        });
  for (const p of report.refused) console.log(`line ${p.line}\t${p.column}\t${p.message}`);
  const refusedLines = new Set(report.refused.map((p) => p.line)).size;
  console.log(
    `${file} (${report.encoding}): ${report.rows} rows; ${report.registered} ${dryRun ? 'would be registered' : 'registered'}, ${report.unchanged} registered already (unchanged), ${refusedLines} refused`,
  );
  return refusedLines ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof CsvSyntaxError
        ? error.message
        : `import failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
