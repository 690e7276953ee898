import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrganizationService } from './organization.service';

/**
 * One DataLoader per request: every organization read in a request (references from other
 * subgraphs, parents, ancestors) is batched into one `$in` query per tick and cached.
 */
@Injectable()
export class OrganizationLoader {
  private readonly loader = documentLoader((ids) => this.organizations.findByIds(ids));

  constructor(private readonly organizations: OrganizationService) {}

  load(ctx: GraphQLContext, id: string) {
    return this.loader.load(ctx, id);
  }

  loadMany(ctx: GraphQLContext, ids: string[]) {
    return this.loader.loadMany(ctx, ids);
  }
}
