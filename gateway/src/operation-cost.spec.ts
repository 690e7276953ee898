import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, Kind, parse, validate, type DocumentNode } from 'graphql';
import { operationCost } from './operation-cost';
import { OPERATION_LIMITS } from './operation-limits';

const ROOT = resolve(__dirname, '..', '..');
const schema = Supergraph.build(readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
};

const filesUnder = (dir: string, suffix: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(ROOT, dir, f));

/**
 * Every complete GraphQL document written as a string in the benchmarks and the e2e suites:
 * quoted or template literals without interpolation that parse and validate against the API.
 */
function clientDocuments(): { file: string; document: DocumentNode }[] {
  const files = [
    ...filesUnder('bench', '.mjs'),
    ...filesUnder('gateway/test', '.e2e-spec.ts'),
    ...readdirSync(join(ROOT, 'services')).flatMap((s) => filesUnder(`services/${s}/test`, '.ts')),
  ];
  const found: { file: string; document: DocumentNode }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, literal] of text.matchAll(
      /['`]((?:query|mutation|\{)(?:[^'`$]|\$(?!\{))*\})['`]/g,
    )) {
      let document: DocumentNode;
      try {
        document = parse(literal);
      } catch {
        continue;
      }
      if (validate(schema, document).length === 0) found.push({ file, document });
    }
  }
  return found;
}

describe('operation cost', () => {
  it('multiplies a list under a list by the outer page size', () => {
    const nested = (outer: number, inner: number) =>
      `{ organizations(first: ${outer}) { edges { node { members(first: ${inner}) { edges { node { id name } } } } } } }`;
    // members: inner × (edges 1 + node 1 + 2 fields) + 1; organizations: outer × (that + 3).
    expect(cost(nested(10, 1))).toBe(10 * (1 + 1 + 1 + 1 * (1 + 1 + 1 + 2)));
    expect(cost(nested(100, 100))).toBe(100 * (3 + 100 * 5));
    expect(cost(nested(100, 100))).toBeGreaterThan(OPERATION_LIMITS.maxCost);
  });

  it('reads page sizes from variables, and a missing one as the default page size', () => {
    const q = 'query($n: Int) { organizations(first: $n) { edges { node { id } } } }';
    expect(cost(q, { n: 50 })).toBe(50 * 4);
    expect(cost('{ organizations { edges { node { id } } } }')).toBe(20 * 4);
  });

  it('counts fragments where they are spread and leaves introspection free', () => {
    expect(
      cost(
        'query { organizations(first: 2) { edges { node { ...F } } } } fragment F on Organization { id name }',
      ),
    ).toBe(2 * 5);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('passes every query the benchmarks and the e2e suites send', () => {
    const documents = clientDocuments();
    expect(documents.length).toBeGreaterThan(100);
    const over = documents
      .flatMap(({ file, document }) =>
        document.definitions
          .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
          .map((operation) => ({ file, cost: operationCost(schema, document, operation, {}) })),
      )
      .filter((d) => d.cost > OPERATION_LIMITS.maxCost);
    expect(over).toEqual([]);
  });
});
