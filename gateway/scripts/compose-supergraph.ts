// Composes the subgraphs' SDL files into gateway/supergraph.graphql with @apollo/composition.
// `--check` fails when the checked-in file is out of date or composition reports errors.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../src/subgraphs';

const root = resolve(__dirname, '..', '..', '..');
const output = join(root, 'gateway', 'supergraph.graphql');
const commonSdl = readFileSync(join(root, 'libs', 'graphql', 'src', 'common.graphql'), 'utf8');

function sdlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.graphql'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function compose(): string {
  const services = SUBGRAPHS.map(({ name, url, schemaDir }) => ({
    name,
    url,
    typeDefs: parse(
      [commonSdl, ...sdlFiles(join(root, schemaDir)).map((f) => readFileSync(f, 'utf8'))].join(
        '\n',
      ),
    ),
  }));
  const result = composeServices(services);
  if (result.errors) {
    for (const error of result.errors) console.error(`composition error: ${error.message}`);
    process.exit(1);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

const supergraph = compose();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(output, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== supergraph) {
    console.error(
      'gateway/supergraph.graphql is out of date: run `npm run supergraph` and commit the result.',
    );
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else {
  writeFileSync(output, supergraph);
  console.log(`wrote ${output} (${SUBGRAPHS.length} subgraphs)`);
}
