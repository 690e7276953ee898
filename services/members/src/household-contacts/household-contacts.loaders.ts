import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { documentLoader } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { GridMonthSources } from './household-contacts.reader';
import { HouseholdTallies } from './household-tallies';
import { HouseholdVisitsService } from './household-visits.service';

/**
 * The request loaders of household contacts: whatever a page of members or organizations asks
 * for is one batch of `_id` reads per stage (plus one subtree read of the org projection).
 */
@Injectable()
export class HouseholdLoaders {
  private readonly rosters = documentLoader((ids) => this.tallies.rostersOf(ids));
  private readonly months = documentLoader((ids) => this.tallies.gridMonths(ids));
  private readonly contacts = documentLoader((ids) => this.tallies.members(ids));
  private readonly visits = documentLoader((ids) => this.visitService.findByIds(ids));

  constructor(
    private readonly tallies: HouseholdTallies,
    private readonly visitService: HouseholdVisitsService,
    private readonly access: OrgAccess,
  ) {}

  sources(ctx: GraphQLContext): GridMonthSources {
    return {
      rosters: (ids) => this.rosters.loadMany(ctx, ids),
      months: (ids) => this.months.loadMany(ctx, ids),
      contactGrids: async (memberIds) =>
        (await this.contacts.loadMany(ctx, memberIds)).map((c) =>
          Object.keys(c?.grids ?? {}).sort(),
        ),
    };
  }

  roster(ctx: GraphQLContext, gridId: string) {
    return this.rosters.load(ctx, gridId);
  }

  visitsByIds(ctx: GraphQLContext, ids: readonly string[]) {
    return this.visits.loadMany(ctx, ids);
  }

  /**
   * The active grids of a subtree (the root included when it is one), in id order: two filtered
   * subtree reads (sector GRID, kind GROUP), batched with every other root of the request.
   */
  async gridsUnder(ctx: GraphQLContext, root: string): Promise<string[]> {
    const [bySector, byKind] = await Promise.all([
      this.access.subtree(ctx, { root, where: { sector: 'GRID', status: 'ACTIVE' } }),
      this.access.subtree(ctx, { root, where: { kind: 'GROUP', status: 'ACTIVE' } }),
    ]);
    return [...new Set([...bySector, ...byKind].map((id: Types.ObjectId) => String(id)))].sort();
  }
}
