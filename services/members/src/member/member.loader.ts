import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Member } from './member.schema';
import { MemberService } from './member.service';

/** One DataLoader per request: member references from other subgraphs cost one `$in` query. */
@Injectable()
export class MemberLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, Member | null>>();

  constructor(private readonly members: MemberService) {}

  load(ctx: GraphQLContext, id: string): Promise<Member | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map((await this.members.findByIds(ids)).map((m) => [String(m._id), m]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader.load(id);
  }
}
