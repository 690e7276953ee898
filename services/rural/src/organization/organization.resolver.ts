import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { RuralProjectFilter } from '../project/dto/project.inputs';
import { ProjectService } from '../project/project.service';
import { SecretaryProjectFilter } from '../secretary-project/dto/secretary-project.inputs';
import { SecretaryProjectService } from '../secretary-project/secretary-project.service';
import { VILLAGE_SECTOR } from '../access/authority';
import { RuralAccess } from '../access/rural-access';

interface OrganizationRef {
  id: string;
}

/**
 * The rural subgraph's fields on Organization. For a page of organizations, the scope checks and
 * subtrees are one projection read per tick and each field's pages one aggregation per tick.
 */
@Resolver('Organization')
export class OrganizationRuralResolver {
  constructor(
    private readonly access: RuralAccess,
    private readonly projects: ProjectService,
    private readonly secretaryProjects: SecretaryProjectService,
  ) {}

  @ResolveField('ruralProjects')
  async ruralProjects(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: RuralProjectFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const villages = await this.access.organizationSubtree(ctx, org.id, VILLAGE_SECTOR);
    return this.projects.ofVillages(ctx, org.id, villages, filter, { first, after });
  }

  @ResolveField('secretaryProjects')
  async secretaryProjectsOf(
    @Parent() org: OrganizationRef,
    @Args('filter') filter: SecretaryProjectFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const orgs = await this.access.organizationSubtree(ctx, org.id, null);
    return this.secretaryProjects.ofOrganizations(ctx, org.id, orgs, filter, { first, after });
  }
}
