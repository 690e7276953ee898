import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { VolunteerTask } from './task.schema';
import { TaskService } from './task.service';

/** One `$in` read per tick for the tasks of a page of claims, cached for the request. */
@Injectable()
export class TaskLoader {
  private readonly loaders = new WeakMap<object, DataLoader<string, VolunteerTask | null>>();

  constructor(private readonly tasks: TaskService) {}

  load(ctx: GraphQLContext, id: string): Promise<VolunteerTask | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map((await this.tasks.findByIds(ids)).map((t) => [String(t._id), t]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader.load(id);
  }
}
