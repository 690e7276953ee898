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
  AddJointProjectInput,
  ChangeJointProjectStatusInput,
  CreatePairingInput,
  EndPairingInput,
  UpdatePairingInput,
} from './dto/pairing.inputs';
import {
  PAIRING_KIND_LABELS,
  PAIRING_STATUS_LABELS,
  type PairingKind,
  type PairingStatus,
} from './pairing.enums';
import type { Pairing } from './pairing.schema';
import { PairingService } from './pairing.service';

@Resolver('Pairing')
export class PairingResolver {
  constructor(private readonly pairings: PairingService) {}

  @Query('pairing')
  pairing(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.pairings.getReadable(id, ctx.claims);
  }

  @Query('pairingsInSubtree')
  inSubtree(
    @Args('organizationId') organizationId: string,
    @Args('kind') kind: PairingKind | undefined,
    @Args('status') status: PairingStatus | undefined,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.pairings.inSubtree(
      organizationId,
      kind ?? undefined,
      status ?? undefined,
      ctx.claims,
      {
        first,
        after,
      },
    );
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.pairings.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() pairing: Pairing) {
    return String(pairing._id);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() pairing: Pairing) {
    return PAIRING_KIND_LABELS[pairing.kind];
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() pairing: Pairing) {
    return PAIRING_STATUS_LABELS[pairing.status];
  }

  @ResolveField('parties')
  parties(@Parent() pairing: Pairing) {
    return pairing.parties.map((party, i) => ({ ...party, lead: i === 0 }));
  }

  @Mutation('createPairing')
  create(@Args('input') input: CreatePairingInput, @Context() ctx: GraphQLContext) {
    return this.pairings.create(input, ctx.claims);
  }

  @Mutation('updatePairing')
  update(@Args('input') input: UpdatePairingInput, @Context() ctx: GraphQLContext) {
    return this.pairings.update(input, ctx.claims);
  }

  @Mutation('addJointProject')
  addJointProject(@Args('input') input: AddJointProjectInput, @Context() ctx: GraphQLContext) {
    return this.pairings.addJointProject(input, ctx.claims);
  }

  @Mutation('changeJointProjectStatus')
  changeJointProjectStatus(
    @Args('input') input: ChangeJointProjectStatusInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.pairings.changeJointProjectStatus(input, ctx.claims);
  }

  @Mutation('endPairing')
  end(@Args('input') input: EndPairingInput, @Context() ctx: GraphQLContext) {
    return this.pairings.end(input, ctx.claims);
  }
}
