import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { COOKBOOK, ORGANIZATION_BY_NAME } from '../explorer/cookbook';

// The API schema of the supergraph, as the gateway serves it (federation's join and link
// machinery taken out, @inaccessible elements hidden): what introspection shows the explorer.
// @apollo/federation-internals comes with @apollo/gateway, whose query planner builds the same.
function clientSchema(): GraphQLSchema {
  const sdl = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

describe('the explorer cookbook', () => {
  const schema = clientSchema();

  it.each(COOKBOOK.map((e) => [e.name, e]))('%s is a valid query of the supergraph', (_n, e) => {
    expect(validate(schema, parse(e.query)).map((x) => x.message)).toEqual([]);
    // An entry about a named organization takes its id as $id, as the panel fills it in.
    if (e.organizationName) expect(e.query).toMatch(/\$id: ID!/);
  });

  it('finds organizations by name with a valid query', () => {
    expect(validate(schema, parse(ORGANIZATION_BY_NAME))).toEqual([]);
  });

  it('would catch a query that drifted from the schema', () => {
    expect(validate(schema, parse('{ organizations { edges { node { nope } } } }'))).toHaveLength(
      1,
    );
  });

  it('has one entry per name', () => {
    expect(new Set(COOKBOOK.map((e) => e.name)).size).toBe(COOKBOOK.length);
  });
});
