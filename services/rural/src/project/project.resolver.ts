import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { PairingService } from '../pairing/pairing.service';
import { documentLoader } from '@jiceng/graphql';
import { VillageLoader } from '../access/village.loader';
import {
  AddRuralMilestoneInput,
  AdvanceRuralProjectStatusInput,
  CreateRuralProjectInput,
  ReachRuralMilestoneInput,
  RecordCollectiveIncomeInput,
  RecordRuralFundingInput,
  RuralProjectFilter,
} from './dto/project.inputs';
import { fundingSums } from './funding-totals';
import { RURAL_PROJECT_KIND_LABELS } from './project.enums';
import { RURAL_PROJECT_STEPS } from './rural-project-steps';
import type { RuralProject } from './project.schema';
import { ProjectService } from './project.service';
import { fundingView, incomeView, milestoneView, statusChangeView } from './project.views';

@Resolver('RuralProject')
export class ProjectResolver {
  private readonly pairingLoader = documentLoader((ids) => this.pairings.findByIds(ids));

  constructor(
    private readonly projects: ProjectService,
    private readonly pairings: PairingService,
    private readonly villageLoader: VillageLoader,
  ) {}

  @Query('ruralProject')
  ruralProject(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.projects.readable(ctx.claims, id);
  }

  @Query('ruralProjects')
  ruralProjects(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: RuralProjectFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.list(ctx.claims, organizationId, filter, { first, after });
  }

  @Mutation('createRuralProject')
  create(@Args('input') input: CreateRuralProjectInput, @Context() ctx: GraphQLContext) {
    return this.projects.create(input, ctx.claims);
  }

  @Mutation('recordRuralFunding')
  recordFunding(@Args('input') input: RecordRuralFundingInput, @Context() ctx: GraphQLContext) {
    return this.projects.recordFunding(input, ctx.claims);
  }

  @Mutation('recordCollectiveIncome')
  recordIncome(@Args('input') input: RecordCollectiveIncomeInput, @Context() ctx: GraphQLContext) {
    return this.projects.recordIncome(input, ctx.claims);
  }

  @Mutation('addRuralMilestone')
  addMilestone(@Args('input') input: AddRuralMilestoneInput, @Context() ctx: GraphQLContext) {
    return this.projects.addMilestone(input, ctx.claims);
  }

  @Mutation('reachRuralMilestone')
  reachMilestone(@Args('input') input: ReachRuralMilestoneInput, @Context() ctx: GraphQLContext) {
    return this.projects.reachMilestone(input, ctx.claims);
  }

  @Mutation('advanceRuralProjectStatus')
  advanceStatus(
    @Args('input') input: AdvanceRuralProjectStatusInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.advanceStatus(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() project: RuralProject) {
    return String(project._id);
  }

  @ResolveField('villageIds')
  villageIds(@Parent() project: RuralProject) {
    return project.villageIds.map(String);
  }

  @ResolveField('villages')
  villages(@Parent() project: RuralProject, @Context() ctx: GraphQLContext) {
    return this.villageLoader.loadMany(ctx, project.villageIds);
  }

  @ResolveField('leadVillage')
  leadVillage(@Parent() project: RuralProject, @Context() ctx: GraphQLContext) {
    return this.villageLoader.load(ctx, project.villageIds[0]);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() project: RuralProject) {
    return RURAL_PROJECT_KIND_LABELS[project.kind];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() project: RuralProject) {
    return RURAL_PROJECT_STEPS.labels[project.status];
  }

  @ResolveField('statusChanges')
  statusChanges(@Parent() project: RuralProject) {
    return project.statusChanges.map(statusChangeView);
  }

  @ResolveField('milestones')
  milestones(@Parent() project: RuralProject) {
    return project.milestones.map(milestoneView);
  }

  @ResolveField('investments')
  investments(@Parent() project: RuralProject) {
    return project.fundings.filter((f) => f.type === 'INVESTMENT').map(fundingView);
  }

  @ResolveField('subsidies')
  subsidies(@Parent() project: RuralProject) {
    return project.fundings.filter((f) => f.type === 'SUBSIDY').map(fundingView);
  }

  @ResolveField('investmentFen')
  investmentFen(@Parent() project: RuralProject) {
    return fundingSums(project.fundings).investmentFen;
  }

  @ResolveField('subsidyFen')
  subsidyFen(@Parent() project: RuralProject) {
    return fundingSums(project.fundings).subsidyFen;
  }

  @ResolveField('collectiveIncomes')
  collectiveIncomes(@Parent() project: RuralProject) {
    return project.incomes.map(incomeView);
  }

  @ResolveField('pairing')
  pairing(@Parent() project: RuralProject, @Context() ctx: GraphQLContext) {
    return project.pairingId ? this.pairingLoader.load(ctx, String(project.pairingId)) : null;
  }
}
