import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CloudEvent, StationVisitRecordedV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { CreditRulesService } from '../rules/credit-rules.service';
import { visitEarnings } from '../rules/scoring';
import { earnEntries, scoringRules, storePlan } from './ledger-plans';
import { LedgerWriter } from './ledger-writer.service';
import { APPLICATION_MODEL, type LedgerApplication } from './ledger.schemas';

type VisitEvent = CloudEvent<StationVisitRecordedV1>;

/**
 * Turns station visits (爱心驿站 service to new-employment workers) into ledger applications:
 * the operator organization the visit names earns what the version in force at its visitedAt
 * gives per visit, within the organization's monthly cap. The event names everything needed, so
 * nothing waits for a projection. Like an approval, a visit is planned once under its event id
 * and the plan is stored before it is carried out: a redelivery, or a retry after a crash, runs
 * the same plan, and a visit worth nothing under its version is stored as a plan without entries.
 */
@Injectable()
export class StationVisitLedgerService {
  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    private readonly writer: LedgerWriter,
    private readonly rules: CreditRulesService,
  ) {}

  async handle(event: VisitEvent): Promise<HandlerOutcome> {
    const existing = await this.applications.findById(event.id).lean<LedgerApplication>();
    if (existing) {
      if (existing.state !== 'PLANNED') return 'duplicate';
      await this.writer.execute(existing);
      return 'applied';
    }
    await this.writer.execute(await storePlan(this.applications, await this.plan(event)));
    return 'applied';
  }

  private async plan(event: VisitEvent): Promise<LedgerApplication> {
    const visitedAt = new Date(event.data.visitedAt);
    const { rule, caps } = await scoringRules(this.rules, visitedAt);
    return {
      _id: event.id,
      kind: 'STATION_VISIT',
      claimId: null,
      visitId: event.data.visitId,
      revokes: null,
      state: 'PLANNED',
      occurredAt: visitedAt,
      entries: earnEntries(visitEarnings(rule, event.data), rule.version, caps, visitedAt),
      createdAt: new Date(),
    };
  }
}
