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
import { isWithinScope } from '@jiceng/auth';
import { badUserInput } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrganizationLoader } from '../organization/organization.loader';
import { scopedNode } from '../organization/organization.service';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';
import {
  ConstructionFirmFilter,
  CreateConstructionFirmInput,
  UpdateConstructionFirmInput,
} from './dto/firm.inputs';
import { FIRM_STATUS_LABELS } from './firm.enums';
import type { ConstructionFirm } from './firm.schema';
import { FirmService } from './firm.service';

@Resolver('ConstructionFirm')
export class FirmResolver {
  constructor(
    private readonly firms: FirmService,
    private readonly loader: OrganizationLoader,
  ) {}

  @Query('constructionFirm')
  firm(@Args('id') id: string) {
    return this.firms.get(id);
  }

  @Query('constructionFirms')
  list(
    @Args('filter') filter: ConstructionFirmFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
  ) {
    return this.firms.list(filter, { first, after });
  }

  @Query('constructionFirmByCreditCode')
  byCreditCode(@Args('code') code: string) {
    const normalized = normalizeCreditCode(code);
    const problem = creditCodeProblem(normalized);
    if (problem) throw badUserInput([{ field: 'code', message: problem }]);
    return this.firms.getByCreditCode(normalized);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return this.firms.get(reference.id);
  }

  @ResolveField('id')
  id(@Parent() firm: ConstructionFirm) {
    return String(firm._id);
  }

  @ResolveField('registrationRegionCode')
  registrationRegionCode(@Parent() firm: ConstructionFirm) {
    return firm.creditCode.slice(2, 8);
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() firm: ConstructionFirm) {
    return FIRM_STATUS_LABELS[firm.status];
  }

  @ResolveField('organization')
  async organization(@Parent() firm: ConstructionFirm, @Context() ctx: GraphQLContext) {
    if (!firm.organizationId) return null;
    const org = await this.loader.load(ctx, String(firm.organizationId));
    return org && isWithinScope(ctx.claims, scopedNode(org)) ? org : null;
  }

  @Mutation('createConstructionFirm')
  create(@Args('input') input: CreateConstructionFirmInput, @Context() ctx: GraphQLContext) {
    return this.firms.create(input, ctx.claims);
  }

  @Mutation('updateConstructionFirm')
  update(@Args('input') input: UpdateConstructionFirmInput, @Context() ctx: GraphQLContext) {
    return this.firms.update(input, ctx.claims);
  }
}
