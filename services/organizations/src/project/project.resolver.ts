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
import { notFound } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { FirmService } from '../firm/firm.service';
import { OrganizationLoader } from '../organization/organization.loader';
import { OrganizationService } from '../organization/organization.service';
import {
  AssignBranchToFirmInput,
  ConstructionProjectFilter,
  CreateConstructionProjectInput,
  CreateProjectAreaBranchInput,
  CreateProjectBranchInput,
  CreateProjectTeamGroupInput,
  UpdateConstructionProjectInput,
} from './dto/project.inputs';
import { PROJECT_STATUS_LABELS } from './construction-project-steps';
import type { ConstructionProject } from './project.schema';
import { ProjectService } from './project.service';
import { ProjectStructureService } from './project-structure.service';

@Resolver('ConstructionProject')
export class ProjectResolver {
  constructor(
    private readonly projects: ProjectService,
    private readonly structure: ProjectStructureService,
    private readonly firms: FirmService,
    private readonly organizations: OrganizationService,
    private readonly loader: OrganizationLoader,
  ) {}

  @Query('constructionProject')
  project(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.projects.getReadable(id, ctx.claims);
  }

  @Query('constructionProjects')
  list(
    @Args('filter') filter: ConstructionProjectFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.list(ctx.claims, filter, { first, after });
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.projects.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() project: ConstructionProject) {
    return String(project._id);
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() project: ConstructionProject) {
    return PROJECT_STATUS_LABELS[project.status];
  }

  @ResolveField('jointCommitteeId')
  jointCommitteeId(@Parent() project: ConstructionProject) {
    return String(project.jointCommitteeId);
  }

  // A project is only returned to callers who may read its joint committee.
  @ResolveField('jointCommittee')
  jointCommittee(@Parent() project: ConstructionProject, @Context() ctx: GraphQLContext) {
    return this.loader.load(ctx, String(project.jointCommitteeId));
  }

  @ResolveField('firms')
  async firmsOf(@Parent() project: ConstructionProject) {
    const found = new Map(
      (await this.firms.findByIds(project.firmIds)).map((f) => [String(f._id), f]),
    );
    return project.firmIds.map((id) => found.get(String(id))).filter((f) => f !== undefined);
  }

  // Firms are loaded once for all links of the project; ProjectBranchLink resolves the rest.
  @ResolveField('branchLinks')
  async branchLinks(@Parent() project: ConstructionProject) {
    const found = new Map(
      (await this.firms.findByIds(project.firmIds)).map((f) => [String(f._id), f]),
    );
    return project.branchLinks.map((link) => ({ ...link, firm: found.get(String(link.firmId)) }));
  }

  @ResolveField('temporaryBranches')
  async temporaryBranches(
    @Parent() project: ConstructionProject,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    const jc = await this.loader.load(ctx, String(project.jointCommitteeId));
    if (!jc) throw notFound('Organization', String(project.jointCommitteeId));
    return this.organizations.descendants(
      jc,
      undefined,
      { kinds: ['TEMPORARY_BRANCH'] },
      { first, after },
    );
  }

  @Mutation('createConstructionProject')
  create(@Args('input') input: CreateConstructionProjectInput, @Context() ctx: GraphQLContext) {
    return this.projects.create(input, ctx.claims);
  }

  @Mutation('updateConstructionProject')
  update(@Args('input') input: UpdateConstructionProjectInput, @Context() ctx: GraphQLContext) {
    return this.projects.update(input, ctx.claims);
  }

  @Mutation('createProjectAreaBranch')
  createAreaBranch(
    @Args('input') input: CreateProjectAreaBranchInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.structure.createAreaBranch(input, ctx.claims);
  }

  @Mutation('createProjectBranch')
  createBranch(@Args('input') input: CreateProjectBranchInput, @Context() ctx: GraphQLContext) {
    return this.structure.createBranch(input, ctx.claims);
  }

  @Mutation('createProjectTeamGroup')
  createTeamGroup(
    @Args('input') input: CreateProjectTeamGroupInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.structure.createTeamGroup(input, ctx.claims);
  }

  @Mutation('assignBranchToFirm')
  assignBranchToFirm(
    @Args('input') input: AssignBranchToFirmInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.structure.assignBranchToFirm(input, ctx.claims);
  }
}
