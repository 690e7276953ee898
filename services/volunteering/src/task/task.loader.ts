import { Injectable } from '@nestjs/common';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { TaskService } from './task.service';

/** One `$in` read per tick for the tasks of a page of claims, cached for the request. */
@Injectable()
export class TaskLoader {
  private readonly loader = documentLoader((ids) => this.tasks.findByIds(ids));

  constructor(private readonly tasks: TaskService) {}

  load(ctx: GraphQLContext, id: string) {
    return this.loader.load(ctx, id);
  }
}
