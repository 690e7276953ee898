import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { OrgNodeLoader } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';

export interface RuralVillageView {
  id: string;
  name: string;
  regionCode: string;
  organization: { id: string };
}

/** RuralVillage from the projection, batched per request with the projection's loader. */
@Injectable()
export class VillageLoader {
  constructor(private readonly nodes: OrgNodeLoader) {}

  async load(ctx: GraphQLContext, id: Types.ObjectId | string): Promise<RuralVillageView> {
    const node = await this.nodes.load(ctx, String(id));
    return {
      id: String(id),
      name: node?.name ?? '',
      regionCode: node?.regionCode ?? '',
      organization: { id: String(id) },
    };
  }

  loadMany(ctx: GraphQLContext, ids: readonly (Types.ObjectId | string)[]) {
    return Promise.all(ids.map((id) => this.load(ctx, id)));
  }
}
