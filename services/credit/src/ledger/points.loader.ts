import { Injectable } from '@nestjs/common';
import { RequestLoader } from '@jiceng/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { BalanceService } from './balance.service';

/** Per-request batching of points reads: one query per period per tick. */
@Injectable()
export class PointsLoader {
  private readonly byPeriod = new Map<string, RequestLoader<string, number>>();

  constructor(private readonly balances: BalanceService) {}

  load(ctx: GraphQLContext, account: string, period: string | null): Promise<number> {
    const key = period ?? '';
    let loader = this.byPeriod.get(key);
    if (!loader) {
      loader = new RequestLoader(async (accounts) => {
        const points = await this.balances.pointsOf(accounts, period);
        return accounts.map((a) => points.get(a) ?? 0);
      });
      this.byPeriod.set(key, loader);
    }
    return loader.load(ctx, account);
  }
}
