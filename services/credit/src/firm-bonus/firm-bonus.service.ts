import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelays } from '@jiceng/outbox';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { periodStart } from '@jiceng/calendar';
import { accountKey } from '../account/account';
import { BalanceService } from '../ledger/balance.service';
import { LedgerWriter } from '../ledger/ledger-writer.service';
import {
  LEDGER_ENTRY_MODEL,
  type LedgerApplication,
  type LedgerEntry,
} from '../ledger/ledger.schemas';
import { ProjectRefsService } from '../projections/project-refs.service';
import { CreditRulesService } from '../rules/credit-rules.service';
import { tierFor } from '../rules/scoring';
import { firmBonusRecord } from './firm-bonus.events';
import { FIRM_BONUS_MODEL, type FirmBonus } from './firm-bonus.schema';

const MAX_ATTEMPTS = 20;

@Injectable()
export class FirmBonusService implements OnModuleInit {
  private readonly logger = new Logger(FirmBonusService.name);

  constructor(
    @InjectModel(FIRM_BONUS_MODEL) private readonly model: Model<FirmBonus>,
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    private readonly writer: LedgerWriter,
    private readonly balances: BalanceService,
    private readonly rules: CreditRulesService,
    private readonly projects: ProjectRefsService,
    private readonly relay: OutboxRelays,
  ) {}

  onModuleInit(): void {
    this.writer.onApplied((application) => this.afterApplied(application));
  }

  /**
   * Once per firm and quarter a batch of applications touched: a tier reached and left again
   * within one batch is never announced, the tier the batch ends in is. A joint-building bonus
   * of a project branch touches the firms behind it (see tierPoints).
   */
  private async afterApplied(applications: readonly LedgerApplication[]): Promise<void> {
    const touched = new Map<string, { firmId: string; quarter: string }>();
    const touch = (firmId: string, quarter: string) =>
      touched.set(`${firmId}|${quarter}`, { firmId, quarter });
    const entries = applications.flatMap((a) => a.entries);
    for (const entry of entries)
      if (entry.accountKind === 'FIRM') touch(entry.accountId, entry.quarter);
    const jointBuilding = entries.filter((e) => e.role === 'JOINT_BUILDING');
    if (jointBuilding.length) {
      const firms = await this.projects.firmsOfBranches(jointBuilding.map((e) => e.accountId));
      for (const entry of jointBuilding) {
        const firm = firms.get(entry.accountId);
        if (firm) touch(firm.firmId, entry.quarter);
      }
    }
    for (const { firmId, quarter } of touched.values()) await this.evaluate(firmId, quarter);
  }

  get(firmId: string, period: string): Promise<FirmBonus | null> {
    return this.model.findById(`${firmId}|${period}`, { outbox: 0 }).lean<FirmBonus>();
  }

  findByPeriod(period: string): Promise<FirmBonus[]> {
    return this.model.find({ period }, { outbox: 0 }).lean<FirmBonus[]>();
  }

  /**
   * The points a firm's tier is reached with: its quarter's ledger points and, where the rules
   * say so, the joint-building bonuses (联建) its project branches earned in the quarter, the
   * firm's own party organizations on its projects. Credit knows a firm's party organizations
   * only as the project branches the projects topic links to it.
   */
  private async tierPoints(firmId: string, quarter: string, withJointBuilding: boolean) {
    const points = await this.balances.points(accountKey('FIRM', firmId), quarter);
    if (!withJointBuilding) return points;
    const branches = await this.projects.branchesOfFirm(firmId);
    if (!branches.length) return points;
    const bonuses = await this.entries
      .find(
        {
          account: { $in: branches.map((b) => accountKey('ORGANIZATION', b)) },
          role: 'JOINT_BUILDING',
          quarter,
        },
        { points: 1 },
      )
      .lean<Pick<LedgerEntry, 'points'>[]>();
    return bonuses.reduce((sum, e) => sum + e.points, points);
  }

  /**
   * Puts the firm in the tier its quarterly points reach. A change is a compare-and-set on the
   * sequence that also queues the event, so each change is announced once, in order.
   */
  async evaluate(firmId: string, quarter: string): Promise<void> {
    const _id = `${firmId}|${quarter}`;
    const rule = await this.rules.at(periodStart(quarter));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const points = await this.tierPoints(
        firmId,
        quarter,
        rule.bonuses.firmTierCountsJointBuilding,
      );
      const tier = tierFor(rule.firmBonusTiers, points);
      const current = await this.model.findById(_id, { outbox: 0 }).lean<FirmBonus>();
      if ((current?.tier ?? 'NONE') === tier.tier) return;
      const creditCode = current?.creditCode ?? (await this.projects.creditCodeOf(firmId));
      if (!creditCode) {
        this.logger.warn(`firm ${firmId} has no credit code in the projects projection`);
        return;
      }
      const sequence = (current?.sequence ?? 0) + 1;
      const changedAt = new Date();
      const record = firmBonusRecord(
        {
          firmId,
          creditCode,
          period: quarter,
          points,
          tier: tier.tier,
          previousTier: current?.tier ?? null,
          bonusScore: tier.bonusScore,
          ruleVersion: rule.version,
          sequence,
        },
        changedAt,
      );
      try {
        const res = await this.model.updateOne(
          { _id, sequence: sequence - 1 },
          {
            $set: {
              firmId,
              creditCode,
              period: quarter,
              tier: tier.tier,
              tierLabel: tier.label,
              previousTier: current?.tier ?? null,
              points,
              bonusScore: tier.bonusScore,
              ruleVersion: rule.version,
              changedAt,
            },
            $inc: { sequence: 1 },
            $push: { outbox: record },
          },
          { upsert: !current },
        );
        if (res.modifiedCount || res.upsertedCount) {
          this.relay.kick();
          return;
        }
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`firm bonus ${_id} kept changing`);
  }
}
