import { parse } from 'graphql';
import { pageSizeLimitPlugin } from './operation-limits';

async function check(query: string, variables: Record<string, unknown> = {}) {
  const hooks = await pageSizeLimitPlugin(100).requestDidStart!({} as never);
  return (hooks as { didResolveOperation: (ctx: unknown) => Promise<void> }).didResolveOperation({
    document: parse(query),
    request: { variables },
  });
}

describe('page size limit', () => {
  it('accepts pages up to the limit', async () => {
    await expect(check('{ organizations(first: 100) { totalCount } }')).resolves.toBeUndefined();
    await expect(
      check('query($n: Int) { organizations(first: $n) { totalCount } }', { n: 5 }),
    ).resolves.toBeUndefined();
  });

  it('rejects a larger page, literal or variable, nested or not, naming the limit', async () => {
    await expect(check('{ organizations(first: 101) { totalCount } }')).rejects.toThrow(
      'Page size 101 exceeds the limit of 100 (argument first)',
    );
    await expect(
      check(
        'query($n: Int) { organizations { edges { node { children(first: $n) { totalCount } } } } }',
        { n: 1000 },
      ),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
