import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
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
import { NONE_TIER } from '../rules/credit-rules';
import { tierFor } from '../rules/scoring';
import { creditEnv } from '../credit.env';
import { firmBonusRecord } from './firm-bonus.events';
import { announcedTierOf, FIRM_BONUS_MODEL, type FirmBonus } from './firm-bonus.schema';
import { scheduleAnnouncement, type AnnouncedState, type TierSettling } from './tier-settling';

const MAX_ATTEMPTS = 20;
/** Records announced per sweep query; more wait for the next sweep, a moment later. */
const ANNOUNCE_BATCH = 200;

function announcedState(bonus: FirmBonus | null): AnnouncedState {
  if (!bonus) return { announcedTier: null, pendingSince: null };
  return { announcedTier: announcedTierOf(bonus), pendingSince: bonus.pendingSince ?? null };
}

/** The record as read, for a compare-and-set (older records have no revision yet). */
const revisionGuard = (bonus: FirmBonus) => ({
  _id: bonus._id,
  revision: bonus.revision ?? { $exists: false },
});

@Injectable()
export class FirmBonusService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FirmBonusService.name);
  private readonly settling: TierSettling;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    @InjectModel(FIRM_BONUS_MODEL) private readonly model: Model<FirmBonus>,
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    private readonly writer: LedgerWriter,
    private readonly balances: BalanceService,
    private readonly rules: CreditRulesService,
    private readonly projects: ProjectRefsService,
    private readonly relay: OutboxRelays,
  ) {
    const env = creditEnv();
    this.settling = {
      quietMs: env.tierQuietSeconds * 1000,
      longestWaitMs: env.tierLongestWaitSeconds * 1000,
    };
  }

  onModuleInit(): void {
    this.writer.onApplied((application) => this.afterApplied(application));
    const every = Math.min(Math.max(Math.floor(this.settling.quietMs / 4), 250), 5000);
    this.sweepTimer = setInterval(() => {
      this.sweeping ??= this.announceDue()
        .catch((error) => this.logger.warn(`announcing firm bonus tiers: ${error}`))
        .finally(() => (this.sweeping = undefined));
    }, every);
    this.sweepTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.sweeping;
  }

  /**
   * Evaluates once per firm and quarter a batch of applications touched (the announcement waits
   * for still points, see tier-settling.ts). A joint-building bonus of a project branch touches
   * the firms behind it (see tierPoints).
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
   * Puts the firm in the tier its quarterly points reach now and, when that is not the tier
   * announced, schedules the announcement (tier-settling.ts). A compare-and-set on `revision`,
   * so concurrent evaluations of one firm (several consumers or instances) never lose a write.
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
      if (!current && tier.tier === NONE_TIER.tier) return;
      if (current?.tier === tier.tier && current.points === points) return;
      const creditCode = current?.creditCode ?? (await this.projects.creditCodeOf(firmId));
      if (!creditCode) {
        this.logger.warn(`firm ${firmId} has no credit code in the projects projection`);
        return;
      }
      const now = new Date();
      const announced = announcedState(current);
      const pending = scheduleAnnouncement(announced, tier.tier, now, this.settling);
      const live = {
        firmId,
        creditCode,
        period: quarter,
        tier: tier.tier,
        tierLabel: tier.label,
        points,
        bonusScore: tier.bonusScore,
        ruleVersion: rule.version,
        changedAt: current?.tier === tier.tier ? current.changedAt : now,
        announcedTier: announced.announcedTier,
      };
      try {
        const saved = current
          ? await this.model.updateOne(revisionGuard(current), {
              $set: { ...live, ...pending },
              ...(!pending && { $unset: { pendingSince: 1, settleAt: 1 } }),
              $inc: { revision: 1 },
            })
          : await this.model
              .create({ _id, ...live, ...pending, previousTier: null, sequence: 0, revision: 1 })
              .then(() => ({ modifiedCount: 1 }));
        if (saved.modifiedCount) return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new Error(`firm bonus ${_id} kept changing`);
  }

  /**
   * Announces every pending tier that is due: the announcement, its sequence and the event are
   * one compare-and-set write, so an instance racing another (or an evaluation) announces
   * nothing twice; a record that changed meanwhile is looked at again on the next sweep.
   */
  async announceDue(now = new Date()): Promise<number> {
    const due = await this.model
      .find({ settleAt: { $lte: now } }, { outbox: 0 })
      .limit(ANNOUNCE_BATCH)
      .lean<FirmBonus[]>();
    let announced = 0;
    for (const bonus of due) {
      const previousTier = announcedState(bonus).announcedTier;
      const sequence = bonus.sequence + 1;
      const record = firmBonusRecord(
        {
          firmId: bonus.firmId,
          creditCode: bonus.creditCode,
          period: bonus.period,
          points: bonus.points,
          tier: bonus.tier,
          previousTier,
          bonusScore: bonus.bonusScore,
          ruleVersion: bonus.ruleVersion,
          sequence,
        },
        now,
      );
      const res = await this.model.updateOne(revisionGuard(bonus), {
        $set: { announcedTier: bonus.tier, previousTier, announcedAt: now },
        $unset: { pendingSince: 1, settleAt: 1 },
        $inc: { sequence: 1, revision: 1 },
        $push: { outbox: record },
      });
      announced += res.modifiedCount;
    }
    if (announced) this.relay.kick();
    return announced;
  }
}
