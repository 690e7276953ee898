import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { PersonalDataReveal } from './reveal.schema';
import { RevealAudit } from './reveal-audit.service';

@Resolver('PersonalDataReveal')
export class RevealAuditResolver {
  constructor(
    private readonly audit: RevealAudit,
    private readonly access: OrgAccess,
  ) {}

  @Query('personalDataReveals')
  async reveals(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const root = await this.access.requireKnownWithinScope(ctx, organizationId);
    return this.audit.list(ctx.claims, root._id, period, { first, after });
  }

  @ResolveField('id')
  id(@Parent() reveal: PersonalDataReveal) {
    return String(reveal._id);
  }
}
