import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  LinkWorkerMemberInput,
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerFilter,
} from './dto/worker.inputs';
import { WORKER_KIND_LABELS, WORKER_PLATFORM_LABELS } from './worker.enums';
import type { Worker } from './worker.schema';
import { WorkerService } from './worker.service';

@Resolver('Worker')
export class WorkerResolver {
  constructor(private readonly workers: WorkerService) {}

  @Query('worker')
  worker(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.workers.lookup(id, ctx.claims);
  }

  @Query('workers')
  list(
    @Args('organizationId') organizationId: string,
    @Args('filter') filter: WorkerFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.workers.inSubtree(ctx.claims, organizationId, filter, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.workers.lookup(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() worker: Worker) {
    return String(worker._id);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() worker: Worker) {
    return WORKER_KIND_LABELS[worker.kind];
  }

  @ResolveField('platformLabel')
  platformLabel(@Parent() worker: Worker) {
    return WORKER_PLATFORM_LABELS[worker.platform];
  }

  @ResolveField('organization')
  organization(@Parent() worker: Worker) {
    return { id: String(worker.organizationId) };
  }

  @ResolveField('mobileBranch')
  mobileBranch(@Parent() worker: Worker) {
    return worker.mobileBranchId ? { id: String(worker.mobileBranchId) } : null;
  }

  @ResolveField('memberLink')
  async memberLink(@Parent() worker: Worker, @Context() ctx: GraphQLContext) {
    const link = worker.memberLink;
    if (!link || !(await this.workers.seesMemberLink(ctx, worker))) return null;
    return {
      memberId: String(link.memberId),
      member: { id: String(link.memberId) },
      branch: { id: String(link.branchId) },
      linkedAt: link.linkedAt,
    };
  }

  @Mutation('registerWorker')
  register(@Args('input') input: RegisterWorkerInput, @Context() ctx: GraphQLContext) {
    return this.workers.register(input, ctx.claims);
  }

  @Mutation('updateWorker')
  update(@Args('input') input: UpdateWorkerInput, @Context() ctx: GraphQLContext) {
    return this.workers.update(input, ctx.claims);
  }

  @Mutation('linkWorkerToMember')
  link(@Args('input') input: LinkWorkerMemberInput, @Context() ctx: GraphQLContext) {
    return this.workers.linkMember(input, ctx.claims);
  }

  @Mutation('unlinkWorkerFromMember')
  unlink(@Args('workerId') workerId: string, @Context() ctx: GraphQLContext) {
    return this.workers.unlinkMember(workerId, ctx.claims);
  }
}
