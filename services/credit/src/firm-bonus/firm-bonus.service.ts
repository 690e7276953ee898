import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxRelays } from '@jiceng/outbox';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { periodStart } from '@jiceng/calendar';
import { accountKey } from '../account/account';
import { BalanceService } from '../ledger/balance.service';
import { LedgerWriter } from '../ledger/ledger-writer.service';
import type { LedgerApplication } from '../ledger/ledger.schemas';
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
   * within one batch is never announced, the tier the batch ends in is.
   */
  private async afterApplied(applications: readonly LedgerApplication[]): Promise<void> {
    const touched = new Map<string, { firmId: string; quarter: string }>();
    for (const entry of applications.flatMap((a) => a.entries)) {
      if (entry.accountKind === 'FIRM')
        touched.set(`${entry.accountId}|${entry.quarter}`, {
          firmId: entry.accountId,
          quarter: entry.quarter,
        });
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
   * Puts the firm in the tier its quarterly points reach. A change is a compare-and-set on the
   * sequence that also queues the event, so each change is announced once, in order.
   */
  async evaluate(firmId: string, quarter: string): Promise<void> {
    const _id = `${firmId}|${quarter}`;
    const rule = await this.rules.at(periodStart(quarter));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const points = await this.balances.points(accountKey('FIRM', firmId), quarter);
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
