import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { VolunteerTask } from '../task/task.schema';
import { ClaimService } from './claim.service';
import { ClaimFilter } from './dto/claim.inputs';

/** `VolunteerTask.claims`: here rather than in the task feature, which does not know claims. */
@Resolver('VolunteerTask')
export class TaskClaimsResolver {
  constructor(private readonly claims: ClaimService) {}

  @ResolveField('claims')
  claimsOf(
    @Parent() task: VolunteerTask,
    @Args('filter') filter: ClaimFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.claims.ofTask(ctx.claims, task, filter, { first, after });
  }
}
