import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { documentLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Organization } from '../organization/organization.schema';
import { FirmService } from './firm.service';

/** `Organization.constructionFirm`, batched: one query for every organization of a request. */
@Resolver('Organization')
export class FirmOfOrganizationResolver {
  private readonly byOrganization = documentLoader(
    (orgIds) => this.firms.findByOrganizationIds(orgIds),
    (firm) => firm.organizationId,
  );

  constructor(private readonly firms: FirmService) {}

  @ResolveField('constructionFirm')
  constructionFirm(@Parent() org: Organization, @Context() ctx: GraphQLContext) {
    return this.byOrganization.load(ctx, String(org._id));
  }
}
