import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { WALLET_MODEL, type Wallet } from './ledger.schemas';

/**
 * Members' spendable points. Every change is one single-document update that also bumps `v`;
 * an operation stays in `pending` until its ledger entry or order is final, then is settled.
 * Earnings are added by the LedgerWriter, a batch at a time, with a compare-and-set on `v`.
 */
@Injectable()
export class WalletService {
  constructor(@InjectModel(WALLET_MODEL) private readonly model: Model<Wallet>) {}

  get(account: string): Promise<Wallet | null> {
    return this.model.findById(account).lean<Wallet>();
  }

  /**
   * Spends `amount` only if that much is available, in one conditional update: concurrent
   * orders can never take the balance below zero. Applying the same operation again is a no-op.
   */
  async spend(account: string, opId: string, amount: number): Promise<'applied' | 'insufficient'> {
    const res = await this.model.updateOne(
      { _id: account, available: { $gte: amount }, 'pending.opId': { $ne: opId } },
      {
        $inc: { available: -amount, spent: amount, v: 1 },
        $push: { pending: { opId, delta: -amount } },
      },
    );
    if (res.modifiedCount) return 'applied';
    return (await this.hasPending(account, opId)) ? 'applied' : 'insufficient';
  }

  /** Gives spent points back (a cancelled or rejected order), once. */
  async refund(account: string, opId: string, amount: number): Promise<void> {
    await this.model.updateOne(
      { _id: account, 'pending.opId': { $ne: opId } },
      {
        $inc: { available: amount, spent: -amount, v: 1 },
        $push: { pending: { opId, delta: amount } },
      },
    );
  }

  async hasPending(account: string, opId: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: account, 'pending.opId': opId })) > 0;
  }

  /** Forgets finished operations; bumping `v` tells a concurrent `earn` to look again. */
  async settle(account: string, opIds: readonly string[]): Promise<void> {
    await this.model.updateOne(
      { _id: account, 'pending.opId': { $in: opIds } },
      { $pull: { pending: { opId: { $in: opIds } } }, $inc: { v: 1 } },
    );
  }
}
