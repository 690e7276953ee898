import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, conflict } from '@jiceng/graphql';
import { RuralAccess } from '../access/rural-access';
import type { AllocateFundInput } from './dto/fund.inputs';
import {
  FUND_APPLICATION_MODEL,
  FUND_MODEL,
  type Fund,
  type FundAllocation,
  type FundApplication,
} from './fund.schema';
import { FundService } from './fund.service';
import { allocationProblem, recoveryFor } from './fund-steps';

type Completion = 'completed' | 'already-allocated' | 'withdrawn';

/**
 * 分配 in two single-document writes, the money first: (1) the fund takes the amount from
 * `remainingFen` and records the allocation under the application's id, in one update
 * conditioned on `remainingFen >= amount` and no allocation for that application yet; (2) the
 * application becomes ALLOCATED, conditioned on still being PRESENTED. A crash between the two
 * leaves an allocation the fund records and the application lacks: repeating allocateFund, or
 * the check at start, finishes it (or withdraws it if the application has since left the running).
 */
@Injectable()
export class FundAllocationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FundAllocationService.name);

  constructor(
    @InjectModel(FUND_MODEL) private readonly funds: Model<Fund>,
    @InjectModel(FUND_APPLICATION_MODEL) private readonly applications: Model<FundApplication>,
    private readonly fundService: FundService,
    private readonly access: RuralAccess,
  ) {}

  async allocate(input: AllocateFundInput, claims: Claims): Promise<FundApplication> {
    const application = await this.fundService.getApplication(input.applicationId);
    const fund = await this.fundService.getFund(application.fundId);
    await this.access.requireWrite(
      claims,
      fund.organizationId,
      'OWN_OR_ABOVE',
      'Allocating a fund',
    );
    if (application.stage === 'ALLOCATED')
      throw conflict(
        `Fund application ${input.applicationId} is already allocated ${application.allocatedFen} fen`,
      );
    let recorded = allocationOf(fund, application._id);
    let ours = false;
    if (!recorded) {
      const problem = allocationProblem(application, input.amountFen);
      if (problem)
        throw problem.conflict
          ? conflict(problem.message)
          : badUserInput([{ field: 'input.amountFen', message: problem.message }]);
      const allocation: FundAllocation = {
        applicationId: application._id,
        amountFen: input.amountFen,
        at: new Date(),
        by: claims.sub,
      };
      const result = await this.funds.updateOne(
        {
          _id: fund._id,
          remainingFen: { $gte: input.amountFen },
          'allocations.applicationId': { $ne: application._id },
        },
        {
          $inc: { remainingFen: -input.amountFen },
          $push: { allocations: allocation },
          $set: { updatedAt: allocation.at },
        },
      );
      ours = result.matchedCount === 1;
      const current = ours ? null : await this.fundService.getFund(fund._id);
      recorded = ours ? allocation : allocationOf(current!, application._id);
      if (!recorded)
        throw conflict(
          `Fund ${fund.name} has ${current!.remainingFen} fen left; ${input.amountFen} fen cannot be allocated`,
        );
    }
    if (!ours && recorded.amountFen !== input.amountFen)
      throw conflict(
        `An allocation of ${recorded.amountFen} fen is already recorded for application ${input.applicationId}; repeat allocateFund with that amount to complete it`,
      );
    const completion = await this.complete(fund._id, recorded);
    if (completion === 'withdrawn')
      throw conflict(
        `Fund application ${input.applicationId} was marked NOT_SELECTED meanwhile; the allocation was withdrawn`,
      );
    return this.fundService.getApplication(input.applicationId);
  }

  /** Finds allocations a crash left half-done and finishes or withdraws them. */
  async onApplicationBootstrap(): Promise<void> {
    const funds = await this.funds
      .find({ 'allocations.applicationId': { $exists: true } }, { allocations: 1 })
      .lean<Pick<Fund, '_id' | 'allocations'>[]>();
    let repaired = 0;
    for (const fund of funds) {
      const pending = await this.applications
        .find(
          {
            _id: { $in: fund.allocations.map((a) => a.applicationId) },
            stage: { $ne: 'ALLOCATED' },
          },
          { _id: 1 },
        )
        .lean<Pick<FundApplication, '_id'>[]>();
      for (const { _id } of pending) {
        await this.complete(fund._id, allocationOf(fund, _id)!);
        repaired++;
      }
    }
    if (repaired) this.logger.warn(`repaired ${repaired} allocation(s) left half-done by a crash`);
  }

  /** The application's half of an allocation the fund records; idempotent. */
  private async complete(fundId: Types.ObjectId, allocation: FundAllocation): Promise<Completion> {
    const result = await this.applications.updateOne(
      { _id: allocation.applicationId, stage: 'PRESENTED' },
      {
        $set: { stage: 'ALLOCATED', allocatedFen: allocation.amountFen, updatedAt: new Date() },
        $push: {
          steps: {
            stage: 'ALLOCATED',
            at: allocation.at,
            by: allocation.by,
            score: null,
            note: null,
          },
        },
        $inc: { version: 1 },
      },
    );
    if (result.matchedCount === 1) return 'completed';
    const current = await this.fundService.getApplication(String(allocation.applicationId));
    if (recoveryFor(current.stage) === 'none') return 'already-allocated';
    // The application left the running (NOT_SELECTED) between the two writes: the money returns
    // to the fund, once, because the refund is conditioned on the allocation still being there.
    await this.funds.updateOne(
      { _id: fundId, 'allocations.applicationId': allocation.applicationId },
      {
        $pull: { allocations: { applicationId: allocation.applicationId } },
        $inc: { remainingFen: allocation.amountFen },
        $set: { updatedAt: new Date() },
      },
    );
    return 'withdrawn';
  }
}

const allocationOf = (fund: Pick<Fund, 'allocations'>, applicationId: Types.ObjectId) =>
  fund.allocations.find((a) => a.applicationId.equals(applicationId));
