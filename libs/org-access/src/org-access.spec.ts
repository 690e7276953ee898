import { Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import type { OrgNode, OrgNodeLoader, OrgProjectionService } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrgAccess } from './org-access';
import { pageOfSorted } from './org-list.loader';

const exp = Math.floor(Date.now() / 1000) + 60;
const claims = (role: Claims['role'], orgId?: string): Claims => ({ sub: 's', role, orgId, exp });
const [district, street, village] = [1, 2, 3].map(() => new Types.ObjectId());
const node = (id: Types.ObjectId, ancestors: Types.ObjectId[], extra: Partial<OrgNode> = {}) =>
  ({
    _id: id,
    ancestorIds: ancestors,
    name: 'n',
    status: 'ACTIVE',
    sector: 'VILLAGE',
    ...extra,
  }) as OrgNode;
const tree = [node(district, []), node(street, [district]), node(village, [district, street])];

/** The projection's answers over an in-memory tree, counting the subtree reads. */
function access() {
  const reads = { subtrees: 0 };
  const get = async (id: unknown) => tree.find((n) => String(n._id) === String(id)) ?? null;
  const projection = {
    get,
    scoped: async (id: unknown) => {
      const n = await get(id);
      return { id: String(id), ancestorIds: n ? n.ancestorIds.map(String) : [] };
    },
    subtrees: async (roots: string[], { where }: { where?: { sector?: string } }) => {
      reads.subtrees++;
      return new Map(
        roots.map((r) => [
          r,
          tree.filter(
            (n) =>
              (String(n._id) === r || n.ancestorIds.some((a) => String(a) === r)) &&
              (!where?.sector || n.sector === where.sector),
          ),
        ]),
      );
    },
  } as unknown as OrgProjectionService;
  const nodes = { load: (_ctx: unknown, id: string) => get(id) } as unknown as OrgNodeLoader;
  return { orgs: new OrgAccess(projection, nodes), reads };
}

describe('OrgAccess', () => {
  it('answers BAD_USER_INPUT on the field for unknown, dissolved and unfit organizations', async () => {
    const { orgs } = access();
    await expect(orgs.organization(String(new Types.ObjectId()), 'input.x')).rejects.toMatchObject({
      extensions: { fields: [{ field: 'input.x', message: 'is not a known organization' }] },
    });
    await expect(
      orgs.organization(String(street), 'input.x', (n) => `is ${n.name}, not a village`),
    ).rejects.toMatchObject({
      extensions: { fields: [{ field: 'input.x', message: 'is n, not a village' }] },
    });
    expect(orgs.organizationId(String(street))).toEqual(street);
    expect(() => orgs.organizationId('nope', 'within')).toThrow('Invalid input');
  });

  it('reads records within the subtree, never as a member, and manages from above', async () => {
    const { orgs } = access();
    expect(await orgs.isReadable(claims('ORG_ADMIN', String(street)), village)).toBe(true);
    expect(await orgs.isReadable(claims('MEMBER', String(street)), village)).toBe(false);
    expect(await orgs.isWithinScope(claims('MEMBER', String(street)), village)).toBe(true);
    await expect(orgs.requireReadable(claims('ANALYST', String(village)), street)).rejects.toThrow(
      `Organization ${street} is outside your scope`,
    );
    await expect(
      orgs.requireManage(claims('ORG_ADMIN', String(village)), village, 'no'),
    ).rejects.toThrow('no');
    await expect(
      orgs.requireManage(claims('ORG_ADMIN', String(street)), village, 'no'),
    ).resolves.toBeDefined();
    expect(() => orgs.assertNotMember(claims('MEMBER'), 'Rankings')).toThrow(
      'Rankings: a member reads only its own',
    );
  });

  it('reads the subtrees of a page of organizations once per filter, the root first when asked', async () => {
    const { orgs, reads } = access();
    const ctx = { claims: claims('ADMIN') } as GraphQLContext;
    const [streets, villages] = await Promise.all([
      orgs.readableSubtree(ctx, String(street), { where: { sector: 'COMMUNITY' } }),
      orgs.subtree(ctx, { root: String(district), where: { sector: 'COMMUNITY' } }),
    ]);
    expect(streets).toEqual([street]);
    expect(villages).toEqual([]);
    expect(reads.subtrees).toBe(1);
  });
});

describe('pageOfSorted', () => {
  it('pages records already read, with the cursors paginate() uses', async () => {
    const docs = [district, street, village].map((_id) => ({ _id }));
    const first = pageOfSorted(docs, { first: 2 });
    expect(first.edges.map((e) => e.node._id)).toEqual([district, street]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = pageOfSorted(docs, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node._id)).toEqual([village]);
    expect(await rest.totalCount()).toBe(3);
  });
});
