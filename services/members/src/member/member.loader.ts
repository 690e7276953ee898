import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { MemberService } from './member.service';

/** One DataLoader per request: member references from other subgraphs cost one `$in` query. */
@Injectable()
export class MemberLoader {
  private readonly loader = documentLoader((ids) => this.members.findByIds(ids));

  constructor(private readonly members: MemberService) {}

  load(ctx: GraphQLContext, id: string) {
    return this.loader.load(ctx, id);
  }
}
