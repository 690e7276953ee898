import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { WALLET_MODEL, type Wallet } from './ledger.schemas';

const MAX_ATTEMPTS = 50;

/**
 * Members' spendable points. Every change is one single-document update that also bumps `v`;
 * an operation stays in `pending` until its ledger entry or order is final, then is settled.
 */
@Injectable()
export class WalletService {
  constructor(@InjectModel(WALLET_MODEL) private readonly model: Model<Wallet>) {}

  get(account: string): Promise<Wallet | null> {
    return this.model.findById(account).lean<Wallet>();
  }

  findByIds(accounts: readonly string[]): Promise<Wallet[]> {
    return this.model.find({ _id: { $in: accounts } }).lean<Wallet[]>();
  }

  /**
   * Adds an earning (or its reversal) once. `done()` tells whether the entry is already stored,
   * which means this step was completed and settled by someone else; the compare-and-set on `v`
   * makes that check and the update one decision.
   */
  async earn(
    account: string,
    opId: string,
    delta: number,
    done: () => Promise<boolean>,
    /** The wallet as read before `done()` was last found false, to skip the first reads. */
    known?: Wallet | null,
  ) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const wallet =
        attempt === 0 && known !== undefined
          ? known
          : await this.model.findById(account, { v: 1, pending: 1 }).lean<Wallet>();
      if (wallet?.pending.some((p) => p.opId === opId)) return;
      if (!(attempt === 0 && known !== undefined) && (await done())) return;
      try {
        const res = await this.model.updateOne(
          { _id: account, v: wallet?.v ?? 0 },
          {
            $inc: { available: delta, earned: delta, v: 1 },
            $push: { pending: { opId, delta } },
            $setOnInsert: { spent: 0 },
          },
          { upsert: !wallet },
        );
        if (res.modifiedCount || res.upsertedCount) return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`wallet ${account} kept changing`);
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
