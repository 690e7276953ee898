import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { VillageLoader } from '../access/village.loader';
import { CreateRuralPairingInput, RuralPairingFilter } from './dto/pairing.inputs';
import type { RuralPairing } from './pairing.schema';
import { PairingService } from './pairing.service';

@Resolver('RuralPairing')
export class PairingResolver {
  constructor(
    private readonly pairings: PairingService,
    private readonly villageLoader: VillageLoader,
  ) {}

  @Query('ruralPairing')
  ruralPairing(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.pairings.readable(ctx.claims, id);
  }

  @Query('ruralPairings')
  ruralPairings(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: RuralPairingFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.pairings.list(ctx.claims, organizationId, filter, { first, after });
  }

  @Mutation('createRuralPairing')
  create(@Args('input') input: CreateRuralPairingInput, @Context() ctx: GraphQLContext) {
    return this.pairings.create(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() pairing: RuralPairing) {
    return String(pairing._id);
  }

  @ResolveField('villageIds')
  villageIds(@Parent() pairing: RuralPairing) {
    return pairing.villageIds.map(String);
  }

  @ResolveField('villages')
  villages(@Parent() pairing: RuralPairing, @Context() ctx: GraphQLContext) {
    return this.villageLoader.loadMany(ctx, pairing.villageIds);
  }
}
