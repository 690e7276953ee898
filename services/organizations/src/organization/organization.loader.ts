import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Organization } from './organization.schema';
import { OrganizationService } from './organization.service';

/**
 * One DataLoader per request: every organization read in a request (references from other
 * subgraphs, parents, ancestors) is batched into one `$in` query per tick and cached.
 */
@Injectable()
export class OrganizationLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, Organization | null>>();

  constructor(private readonly organizations: OrganizationService) {}

  private loaderFor(ctx: GraphQLContext): DataLoader<string, Organization | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map(
          (await this.organizations.findByIds(ids)).map((o) => [String(o._id), o]),
        );
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader;
  }

  load(ctx: GraphQLContext, id: string): Promise<Organization | null> {
    return this.loaderFor(ctx).load(id);
  }

  async loadMany(ctx: GraphQLContext, ids: string[]): Promise<(Organization | null)[]> {
    const results = await this.loaderFor(ctx).loadMany(ids);
    return results.map((r) => (r instanceof Error ? null : r));
  }
}
