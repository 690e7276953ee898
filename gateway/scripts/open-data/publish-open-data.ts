// Writes the open datasets of a subtree into a folder: `<dataset>.csv` (UTF-8 with a BOM, codes
// as headers) and `<dataset>.json` for each, and `data-dictionary.json` / `.csv` describing
// every column (its Chinese name, type and the schema's note). Every query runs through the
// gateway with the caller's token; any error stops the run, so a folder is never half-published.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { csvLine, UTF8_BOM } from '@jiceng/csv';
import { pageOf, planExport, valueAt } from '../../src/csv-export';
import type { GraphRequest } from '../graph-request';
import { datasetDictionary, type DictionaryEntry } from './open-data-dictionary';
import { OPEN_DATASETS, type OpenDataset } from './open-datasets';

export interface OpenDataOptions {
  /** The organization whose subtree is published. */
  root: string;
  /** The year of the counts by period (YYYY). */
  year: string;
  outDir: string;
  /** Only these datasets (by name); all when empty. */
  only?: readonly string[];
  now?: Date;
}

export interface PublishedDataset {
  name: string;
  title: string;
  rows: number;
  files: string[];
}

/** Every row of a dataset, its connection paged to the end (as /export.csv pages it). */
async function rowsOf(request: GraphRequest, dataset: OpenDataset, variables: object) {
  const plan = planExport(dataset.query, undefined, dataset.list);
  const rows: unknown[] = [];
  let after: Record<string, string> = {};
  for (;;) {
    const answer = await request(dataset.query, { ...variables, ...after });
    if (answer.errors?.length)
      throw new Error(
        `${dataset.name}: ${answer.errors[0].message} (${answer.errors[0].extensions?.code})`,
      );
    const page = pageOf(plan, answer.data);
    rows.push(...page.rows);
    if (!page.next || !plan.paging) return { rows, columns: plan.columns };
    after = { [plan.paging.afterVariable]: page.next };
  }
}

export async function publishOpenData(
  request: GraphRequest,
  schema: GraphQLSchema,
  options: OpenDataOptions,
): Promise<PublishedDataset[]> {
  const datasets = OPEN_DATASETS.filter(
    (d) => !options.only?.length || options.only.includes(d.name),
  );
  const unknown = (options.only ?? []).filter((n) => !OPEN_DATASETS.some((d) => d.name === n));
  if (unknown.length) throw new Error(`no open dataset named ${unknown.join(', ')}`);
  const generatedAt = (options.now ?? new Date()).toISOString();
  // Read everything first: nothing is written unless every dataset could be read.
  const read = [];
  for (const dataset of datasets) {
    const { rows, columns } = await rowsOf(request, dataset, {
      root: options.root,
      year: options.year,
    });
    read.push({ dataset, rows, columns, dictionary: datasetDictionary(schema, dataset) });
  }
  mkdirSync(options.outDir, { recursive: true });
  const published: PublishedDataset[] = [];
  const dictionary: DictionaryEntry[] = [];
  for (const { dataset, rows, columns, dictionary: entries } of read) {
    const names = columns.map((c) => c.join('.'));
    const cells = rows.map((row) => columns.map((c) => valueAt(row, c)));
    writeFileSync(
      join(options.outDir, `${dataset.name}.csv`),
      UTF8_BOM + csvLine(names) + cells.map((r) => csvLine(r)).join(''),
    );
    writeFileSync(
      join(options.outDir, `${dataset.name}.json`),
      `${JSON.stringify(
        {
          dataset: dataset.name,
          title: dataset.title,
          root: options.root,
          year: options.year,
          generatedAt,
          columns: entries,
          rows: cells.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null]))),
        },
        null,
        2,
      )}\n`,
    );
    dictionary.push(...entries);
    published.push({
      name: dataset.name,
      title: dataset.title,
      rows: rows.length,
      files: [`${dataset.name}.csv`, `${dataset.name}.json`],
    });
  }
  writeFileSync(
    join(options.outDir, 'data-dictionary.json'),
    `${JSON.stringify({ root: options.root, year: options.year, generatedAt, datasets: published, columns: dictionary }, null, 2)}\n`,
  );
  writeFileSync(
    join(options.outDir, 'data-dictionary.csv'),
    UTF8_BOM +
      csvLine(['dataset', 'column', 'label', 'type', 'description']) +
      dictionary
        .map((e) => csvLine([e.dataset, e.column, e.label, e.type, e.description]))
        .join(''),
  );
  return published;
}
