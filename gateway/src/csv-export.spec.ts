import { planExport, valueAt } from './csv-export';

describe('planExport', () => {
  it('pages a connection through its after variable, columns in selection order', () => {
    const plan = planExport(
      `query List($after: String) { organization(id: "x") { members(first: 50, after: $after) {
        edges { node { id name ...Where organization { name } } }
        pageInfo { hasNextPage endCursor } } } }
       fragment Where on Member { status statusLabel }`,
      undefined,
      'organization.members',
    );
    expect(plan).toEqual({
      columns: [['id'], ['name'], ['status'], ['statusLabel'], ['organization', 'name']],
      listPath: ['organization', 'members', 'edges'],
      paging: { pageInfoPath: ['organization', 'members', 'pageInfo'], afterVariable: 'after' },
    });
  });

  it('takes a plain list (an aggregate) in one piece', () => {
    const plan = planExport(
      '{ memberStats { byStatus { status label n: count } } }',
      undefined,
      'memberStats.byStatus',
    );
    expect(plan).toEqual({
      columns: [['status'], ['label'], ['n']],
      listPath: ['memberStats', 'byStatus'],
    });
  });

  it.each([
    ['a mutation', 'mutation { x }', 'x', /Only a query/],
    [
      'a list it does not select',
      '{ organizations(first: 1) { edges { node { id } } } }',
      'members',
      /selects no members/,
    ],
    [
      'a connection without pageInfo',
      '{ organizations(first: 1) { edges { node { id } } } }',
      'organizations',
      /pageInfo \{ hasNextPage endCursor \}/,
    ],
    [
      'a connection without an after variable',
      '{ organizations(first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      'organizations',
      /after: \$after/,
    ],
    ['two operations without a name', 'query A { a } query B { b }', 'a', /operationName/],
    ['a syntax error', '{ organizations(', 'organizations', /Syntax Error/],
  ])('refuses %s with a reason', (_case, query, list, message) => {
    expect(() => planExport(query, undefined, list)).toThrow(message);
  });
});

describe('valueAt', () => {
  it('reads nested columns, lists and nulls', () => {
    const row = {
      organization: { name: '运河区' },
      tags: ['A', 'B'],
      parent: null,
      kinds: [{ k: 1 }],
    };
    expect(valueAt(row, ['organization', 'name'])).toBe('运河区');
    expect(valueAt(row, ['tags'])).toBe('A; B');
    expect(valueAt(row, ['parent', 'name'])).toBeNull();
    expect(valueAt(row, ['kinds'])).toBe('[{"k":1}]');
  });
});
