import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { Organization } from '../organization/organization.schema';
import type { ConstructionFirm } from './firm.schema';
import { FirmService } from './firm.service';

/** `Organization.constructionFirm`, batched: one query for every organization of a request. */
@Resolver('Organization')
export class FirmOfOrganizationResolver {
  private readonly loaders = new WeakMap<object, DataLoader<string, ConstructionFirm | null>>();

  constructor(private readonly firms: FirmService) {}

  @ResolveField('constructionFirm')
  constructionFirm(@Parent() org: Organization, @Context() ctx: GraphQLContext) {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (orgIds) => {
        const byOrg = new Map(
          (await this.firms.findByOrganizationIds(orgIds)).map((f) => [
            String(f.organizationId),
            f,
          ]),
        );
        return orgIds.map((id) => byOrg.get(id) ?? null);
      });
      this.loaders.set(ctx, loader);
    }
    return loader.load(String(org._id));
  }
}
