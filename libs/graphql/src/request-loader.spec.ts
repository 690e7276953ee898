import { documentLoader } from './request-loader';

describe('documentLoader', () => {
  it('batches the loads of a tick into one find, in key order, null where nothing matched', async () => {
    const calls: string[][] = [];
    const loader = documentLoader(async (keys) => {
      calls.push([...keys]);
      return keys.filter((k) => k !== 'missing').map((k) => ({ _id: k, name: k.toUpperCase() }));
    });
    const ctx = {};
    const [a, b, missing] = await Promise.all(
      ['a', 'b', 'missing'].map((key) => loader.load(ctx, key)),
    );
    expect([a?.name, b?.name, missing]).toEqual(['A', 'B', null]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('caches per request only, and can key documents by another field', async () => {
    let finds = 0;
    const loader = documentLoader(
      async (orgIds) => {
        finds += 1;
        return orgIds.map((orgId) => ({ _id: `firm-of-${orgId}`, organizationId: orgId }));
      },
      (firm) => firm.organizationId,
    );
    const first = {};
    expect((await loader.load(first, 'o1'))?._id).toBe('firm-of-o1');
    await loader.load(first, 'o1');
    await loader.load({}, 'o1');
    expect(finds).toBe(2);
  });
});
