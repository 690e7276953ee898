import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { monthsOf } from '@jiceng/calendar';
import { monthTotalId } from '../account/account';
import { MONTH_TOTAL_MODEL, type MonthTotal } from './ledger.schemas';

/** Points are read from the accounts' month totals: a quarter is the sum of its three months. */
@Injectable()
export class BalanceService {
  constructor(@InjectModel(MONTH_TOTAL_MODEL) private readonly totals: Model<MonthTotal>) {}

  async points(account: string, period: string | null): Promise<number> {
    return (await this.pointsOf([account], period)).get(account) ?? 0;
  }

  /** Granted points per account in a month or quarter, or in all time when period is null. */
  async pointsOf(accounts: readonly string[], period: string | null): Promise<Map<string, number>> {
    const filter = period
      ? { _id: { $in: accounts.flatMap((a) => monthsOf(period).map((m) => monthTotalId(a, m))) } }
      : { account: { $in: accounts } };
    const totals = await this.totals.find(filter, { account: 1, granted: 1 }).lean<MonthTotal[]>();
    const points = new Map<string, number>();
    for (const t of totals) points.set(t.account, (points.get(t.account) ?? 0) + t.granted);
    return points;
  }

  /** The month totals of an account, newest month first. */
  months(account: string): Promise<MonthTotal[]> {
    return this.totals.find({ account }, { pending: 0 }).sort({ month: -1 }).lean<MonthTotal[]>();
  }
}
