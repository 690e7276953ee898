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
import { CreateHelpTeamInput, UpdateHelpTeamInput } from './dto/help-team.inputs';
import type { HelpTeam } from './help-team.schema';
import { HelpTeamService } from './help-team.service';

@Resolver('HelpTeam')
export class HelpTeamResolver {
  constructor(private readonly teams: HelpTeamService) {}

  @Query('helpTeam')
  helpTeam(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.teams.getReadable(id, ctx.claims);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.teams.getReadable(reference.id, ctx.claims);
  }

  @Mutation('createHelpTeam')
  create(@Args('input') input: CreateHelpTeamInput, @Context() ctx: GraphQLContext) {
    return this.teams.create(input, ctx.claims);
  }

  @Mutation('updateHelpTeam')
  update(@Args('input') input: UpdateHelpTeamInput, @Context() ctx: GraphQLContext) {
    return this.teams.update(input, ctx.claims);
  }

  @Mutation('deleteHelpTeam')
  delete(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.teams.delete(id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() team: HelpTeam) {
    return String(team._id);
  }

  @ResolveField('organizationId')
  organizationId(@Parent() team: HelpTeam) {
    return String(team.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() team: HelpTeam) {
    return { id: String(team.organizationId) };
  }

  @ResolveField('communityId')
  communityId(@Parent() team: HelpTeam) {
    return String(team.communityId);
  }

  @ResolveField('memberIds')
  memberIds(@Parent() team: HelpTeam) {
    return team.memberIds.map(String);
  }
}
