import { visibleOrNull } from './lookup';

describe('visibleOrNull', () => {
  it('answers the same null for an unknown entity and for one the caller may not read', async () => {
    const mine = { id: 'a', orgId: 'x' };
    const theirs = { id: 'b', orgId: 'y' };
    const readable = async (e: { orgId: string }) => e.orgId === 'x';
    expect(await visibleOrNull(mine, readable)).toBe(mine);
    expect(await visibleOrNull(theirs, readable)).toBeNull();
    expect(await visibleOrNull(null, readable)).toBeNull();
    expect(await visibleOrNull(undefined, () => true)).toBeNull();
  });
});
