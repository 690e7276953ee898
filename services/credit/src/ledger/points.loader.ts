import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '@jiceng/subgraph';
import { BalanceService } from './balance.service';

/** Per-request batching of points reads: one query per period per tick. */
@Injectable()
export class PointsLoader {
  private readonly loaders = new WeakMap<object, Map<string, DataLoader<string, number>>>();

  constructor(private readonly balances: BalanceService) {}

  load(ctx: GraphQLContext, account: string, period: string | null): Promise<number> {
    let byPeriod = this.loaders.get(ctx);
    if (!byPeriod) this.loaders.set(ctx, (byPeriod = new Map()));
    const key = period ?? '';
    let loader = byPeriod.get(key);
    if (!loader) {
      loader = new DataLoader(async (accounts) => {
        const points = await this.balances.pointsOf(accounts, period);
        return accounts.map((a) => points.get(a) ?? 0);
      });
      byPeriod.set(key, loader);
    }
    return loader.load(account);
  }
}
