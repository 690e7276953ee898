import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Types } from 'mongoose';
import { WorkerService } from './worker.service';

/** Workers by id, one `$in` read per tick (the workers of a page of visits or vehicles). */
@Injectable()
export class WorkerLoader {
  private readonly loader = documentLoader((ids) => this.workers.findByIds(ids));

  constructor(private readonly workers: WorkerService) {}

  load(ctx: GraphQLContext, id: Types.ObjectId | string) {
    return this.loader.load(ctx, String(id));
  }
}
