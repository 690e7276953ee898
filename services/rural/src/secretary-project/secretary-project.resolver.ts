import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  AdvanceSecretaryProjectInput,
  ProposeSecretaryProjectInput,
  SecretaryProjectFilter,
} from './dto/secretary-project.inputs';
import type { SecretaryProject } from './secretary-project.schema';
import { SecretaryProjectService } from './secretary-project.service';
import { acceptanceScore, SECRETARY_PROJECT_STEPS } from './secretary-project-steps';

@Resolver('SecretaryProject')
export class SecretaryProjectResolver {
  constructor(private readonly projects: SecretaryProjectService) {}

  @Query('secretaryProject')
  secretaryProject(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.projects.readable(ctx.claims, id);
  }

  @Query('secretaryProjects')
  secretaryProjects(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: SecretaryProjectFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.list(ctx.claims, organizationId, filter, { first, after });
  }

  @Query('secretaryProjectCompletion')
  completion(
    @Args('organizationId') organizationId: string | undefined,
    @Args('year') year: number | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.completion(ctx.claims, organizationId, year);
  }

  @Mutation('proposeSecretaryProject')
  propose(@Args('input') input: ProposeSecretaryProjectInput, @Context() ctx: GraphQLContext) {
    return this.projects.propose(input, ctx.claims);
  }

  @Mutation('advanceSecretaryProject')
  advance(@Args('input') input: AdvanceSecretaryProjectInput, @Context() ctx: GraphQLContext) {
    return this.projects.advance(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() project: SecretaryProject) {
    return String(project._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() project: SecretaryProject) {
    return String(project.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() project: SecretaryProject) {
    return { id: String(project.organizationId) };
  }

  @ResolveField('secretary')
  secretary(@Parent() project: SecretaryProject) {
    return project.secretaryMemberId ? { id: project.secretaryMemberId } : null;
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() project: SecretaryProject) {
    return SECRETARY_PROJECT_STEPS.labels[project.state];
  }

  @ResolveField('steps')
  steps(@Parent() project: SecretaryProject) {
    return project.steps.map((step) => ({
      ...step,
      stateLabel: SECRETARY_PROJECT_STEPS.labels[step.state],
    }));
  }

  @ResolveField('acceptanceScore')
  acceptanceScore(@Parent() project: SecretaryProject) {
    return acceptanceScore(project);
  }
}
