import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrgProjectionService } from './org-projection.service';

/** Per-request batching of projection reads: one `$in` query per tick, cached for the request. */
@Injectable()
export class OrgNodeLoader {
  private readonly loader = documentLoader((ids) => this.projection.findByIds(ids));

  constructor(private readonly projection: OrgProjectionService) {}

  load(ctx: GraphQLContext, id: string) {
    return this.loader.load(ctx, id);
  }
}
