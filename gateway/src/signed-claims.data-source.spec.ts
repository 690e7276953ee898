import { parse, type OperationDefinitionNode } from 'graphql';
import { copyResponse, fetchedPaths, mergeKey } from './signed-claims.data-source';

const claims = { sub: 'u1', role: 'ADMIN' as const, exp: 0 };

function fetchOf(incoming: string, claimsHeader: string, variables: object = { id: '1' }) {
  const operation = parse(incoming).definitions[0] as OperationDefinitionNode;
  return {
    kind: 'incoming operation',
    request: { query: 'query Q__orgs__0($id:ID!){organization(id:$id){name}}', variables },
    incomingRequestContext: { operation, context: { claims, claimsHeader } },
    context: { claims, claimsHeader },
  } as unknown as Parameters<typeof mergeKey>[0];
}

describe('which subgraph fetches merge', () => {
  it('gives fetches of queries with the same signed claims, query and variables one key', () => {
    const key = mergeKey(fetchOf('query { a }', 'header-a'));
    expect(key).toBeDefined();
    expect(mergeKey(fetchOf('query { a }', 'header-a'))).toBe(key);
    expect(mergeKey(fetchOf('query { a }', 'header-b'))).not.toBe(key);
    expect(mergeKey(fetchOf('query { a }', 'header-a', { id: '2' }))).not.toBe(key);
  });

  it("never merges a mutation's fetches, nor the gateway's own requests", () => {
    expect(mergeKey(fetchOf('mutation { a }', 'header-a'))).toBeUndefined();
    const healthCheck = { kind: 'health check', request: { query: '{ __typename }' }, context: {} };
    expect(mergeKey(healthCheck as unknown as Parameters<typeof mergeKey>[0])).toBeUndefined();
  });

  it('copies a response for a follower, sharing only the fetch response', () => {
    const http = { headers: new Map() } as never;
    const response = { data: { organization: { name: 'x' } }, http };
    const copy = copyResponse(response);
    expect(copy).toEqual(response);
    expect(copy.data).not.toBe(response.data);
    expect(copy.http).toBe(http);
  });
});

describe('paths of a subgraph fetch that got no answer (unavailable, timed out)', () => {
  it('names the root fields, or each entity’s fields', () => {
    expect(fetchedPaths(parse('{ members(first: 1) { totalCount } n: memberCount }'), 0)).toEqual([
      ['members'],
      ['n'],
    ]);
    const entities = parse(
      'query($representations:[_Any!]!){_entities(representations:$representations){... on Organization{__typename members{totalCount}}}}',
    );
    expect(fetchedPaths(entities, 2)).toEqual([
      ['_entities', 0, 'members'],
      ['_entities', 1, 'members'],
    ]);
  });
});
