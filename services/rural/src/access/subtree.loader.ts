import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { isWithinScope } from '@jiceng/auth';
import { forbidden, notFound, RequestLoader } from '@jiceng/graphql';
import { OrgNodeLoader, scopedNode } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { RuralAccess } from './rural-access';

/**
 * Subtrees for the fields this subgraph adds to Organization: the scope checks of a page of
 * organizations and the ids below all of them are read in one projection query each per tick.
 */
@Injectable()
export class SubtreeLoader {
  private readonly subtrees = new RequestLoader<string, Types.ObjectId[]>(async (keys) => {
    const bySector = new Map<string, Types.ObjectId[]>();
    for (const key of keys) {
      const [sector, root] = key.split('|');
      bySector.set(sector, [...(bySector.get(sector) ?? []), new Types.ObjectId(root)]);
    }
    const found = new Map<string, Types.ObjectId[]>();
    for (const [sector, roots] of bySector) {
      const subtrees = await this.access.subtrees(roots, sector ? { sector } : {});
      for (const [root, ids] of subtrees) found.set(`${sector}|${root}`, ids);
    }
    return keys.map((key) => found.get(key) ?? []);
  });

  constructor(
    private readonly access: RuralAccess,
    private readonly nodes: OrgNodeLoader,
  ) {}

  /** The organization and the nodes below it of `sector` (any when null); FORBIDDEN outside scope. */
  async load(
    ctx: GraphQLContext,
    rootId: string,
    sector: string | null,
  ): Promise<Types.ObjectId[]> {
    this.access.requireReader(ctx.claims, 'Reading rural records');
    if (!Types.ObjectId.isValid(rootId)) throw notFound('Organization', rootId);
    const node = await this.nodes.load(ctx, rootId);
    const scoped = node ? scopedNode(node) : { id: rootId, ancestorIds: [] };
    if (!isWithinScope(ctx.claims, scoped))
      throw forbidden(`Organization ${rootId} is outside your scope`);
    return this.subtrees.load(ctx, `${sector ?? ''}|${new Types.ObjectId(rootId).toHexString()}`);
  }
}
