import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { ConstructionFirm } from '../firm/firm.schema';
import { FirmService } from '../firm/firm.service';
import { OrganizationLoader } from '../organization/organization.loader';
import type { Organization } from '../organization/organization.schema';
import type { BranchLink } from './project.schema';
import { ProjectService } from './project.service';

/** Organization fields about construction projects (the Organization type itself is extended). */
@Resolver('Organization')
export class OrganizationProjectResolver {
  constructor(
    private readonly projects: ProjectService,
    private readonly firms: FirmService,
  ) {}

  @ResolveField('constructionProject')
  constructionProject(@Parent() org: Organization, @Context() ctx: GraphQLContext) {
    return this.projects.forOrganization(org, ctx.claims);
  }

  @ResolveField('projectFirm')
  async projectFirm(@Parent() org: Organization) {
    const project = await this.projects.linkedBranch(org._id);
    const link = project?.branchLinks.find((l) => l.branchId.equals(org._id));
    return link ? this.firms.get(String(link.firmId)) : null;
  }
}

@Resolver('ConstructionFirm')
export class FirmProjectsResolver {
  constructor(private readonly projects: ProjectService) {}

  @ResolveField('projects')
  projectsOf(
    @Parent() firm: ConstructionFirm,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.projectsOfFirm(firm, ctx.claims, { first, after });
  }
}

@Resolver('ProjectBranchLink')
export class ProjectBranchLinkResolver {
  constructor(private readonly loader: OrganizationLoader) {}

  @ResolveField('branchId')
  branchId(@Parent() link: BranchLink) {
    return String(link.branchId);
  }

  @ResolveField('firmId')
  firmId(@Parent() link: BranchLink) {
    return String(link.firmId);
  }

  // Whoever reads the project reads its joint committee, hence every branch below it.
  @ResolveField('branch')
  branch(@Parent() link: BranchLink, @Context() ctx: GraphQLContext) {
    return this.loader.load(ctx, String(link.branchId));
  }
}
