import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { datasetDictionary, personalTypesIn, schemaOfSupergraph } from './open-data-dictionary';
import { OPEN_DATASETS } from './open-datasets';

const schema = schemaOfSupergraph(
  readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'),
);

describe('open datasets', () => {
  it.each(OPEN_DATASETS.map((d) => [d.name, d]))(
    '%s is a valid query of the graph',
    (_name, dataset) => {
      expect(validate(schema, parse(dataset.query)).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(OPEN_DATASETS.map((d) => [d.name, d]))(
    '%s selects no personal data',
    (_name, dataset) => {
      expect(personalTypesIn(schema, dataset.query)).toEqual([]);
    },
  );

  it('would notice personal data', () => {
    expect(personalTypesIn(schema, '{ members(first: 1) { edges { node { name } } } }')).toEqual([
      'Member',
    ]);
  });

  it.each(OPEN_DATASETS.map((d) => [d.name, d]))(
    '%s names every column, and no other',
    (_name, dataset) => {
      const entries = datasetDictionary(schema, dataset);
      expect(entries.filter((e) => !e.label).map((e) => e.column)).toEqual([]);
      expect(Object.keys(dataset.labels).sort()).toEqual(entries.map((e) => e.column).sort());
    },
  );
});
