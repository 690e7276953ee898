import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Types } from 'mongoose';
import type { GraphQLContext } from '@jiceng/subgraph';
import { RuralPairingFilter } from '../pairing/dto/pairing.inputs';
import type { RuralPairing } from '../pairing/pairing.schema';
import { PairingService } from '../pairing/pairing.service';
import { RequestLoader } from '@jiceng/graphql';
import { addProject, emptyTotals, totalsByPairing, type PairingTotals } from './funding-totals';
import { ProjectService } from './project.service';

/** What a pairing's projects add up to: its projects, money and area, batched per request. */
@Resolver('RuralPairing')
export class PairingProjectsResolver {
  private readonly totals = new RequestLoader<string, PairingTotals>(async (ids) => {
    const projects = await this.projects.ofPairings(ids.map((id) => new Types.ObjectId(id)));
    const totals = totalsByPairing(ids, projects);
    return ids.map((id) => totals.get(id) ?? emptyTotals());
  });

  constructor(
    private readonly projects: ProjectService,
    private readonly pairings: PairingService,
  ) {}

  @Query('ruralPairingSummary')
  async summary(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: RuralPairingFilter,
    @Context() ctx: GraphQLContext,
  ) {
    const pairings = await this.pairings.all(ctx.claims, organizationId, filter);
    const projects = await this.projects.ofPairings(pairings.map((p) => p._id));
    const totals = projects.reduce(addProject, emptyTotals());
    const villages = new Set(pairings.flatMap((p) => p.villageIds.map(String)));
    return { ...totals, pairings: pairings.length, villages: villages.size };
  }

  @ResolveField('projects')
  projectsOf(
    @Parent() pairing: RuralPairing,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.projects.ofPairing(ctx, pairing._id, { first, after });
  }

  @ResolveField('investmentFen')
  async investmentFen(@Parent() pairing: RuralPairing, @Context() ctx: GraphQLContext) {
    return (await this.totals.load(ctx, String(pairing._id))).investmentFen;
  }

  @ResolveField('subsidyFen')
  async subsidyFen(@Parent() pairing: RuralPairing, @Context() ctx: GraphQLContext) {
    return (await this.totals.load(ctx, String(pairing._id))).subsidyFen;
  }

  @ResolveField('areaMu')
  async areaMu(@Parent() pairing: RuralPairing, @Context() ctx: GraphQLContext) {
    return (await this.totals.load(ctx, String(pairing._id))).areaMu;
  }
}
