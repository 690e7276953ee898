import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { OrgNode } from './org-node.schema';
import { OrgProjectionService } from './org-projection.service';

/** Per-request batching of projection reads: one `$in` query per tick, cached for the request. */
@Injectable()
export class OrgNodeLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, OrgNode | null>>();

  constructor(private readonly projection: OrgProjectionService) {}

  load(ctx: GraphQLContext, id: string): Promise<OrgNode | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map(
          (await this.projection.findByIds(ids)).map((n) => [String(n._id), n]),
        );
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader.load(id);
  }
}
