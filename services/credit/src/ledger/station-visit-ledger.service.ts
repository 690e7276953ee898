import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CloudEvent, StationVisitRecordedV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { CreditRulesService } from '../rules/credit-rules.service';
import { visitEarnings } from '../rules/scoring';
import { earnEntries, scoringRules, storePlans } from './ledger-plans';
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
    return (await this.handleBatch([event]))[0];
  }

  /** A partition's visits: their plans read and stored in one command each, then carried out. */
  async handleBatch(events: readonly VisitEvent[]): Promise<HandlerOutcome[]> {
    const ids = [...new Set(events.map((e) => e.id))];
    const existing = new Map(
      (await this.applications.find({ _id: { $in: ids } }).lean<LedgerApplication[]>()).map((a) => [
        a._id,
        a,
      ]),
    );
    const fresh = new Map<string, VisitEvent>();
    for (const e of events) if (!existing.has(e.id)) fresh.set(e.id, e);
    const plans: LedgerApplication[] = [];
    for (const e of fresh.values()) plans.push(await this.plan(e));
    const stored = await storePlans(this.applications, plans);
    await this.writer.executeAll([...existing.values(), ...stored]);
    // A redelivered visit is a duplicate, and so is a second copy within the batch.
    const seen = new Set<string>();
    return events.map((e) => {
      const first = !seen.has(e.id);
      seen.add(e.id);
      const before = existing.get(e.id);
      return first && (!before || before.state === 'PLANNED') ? 'applied' : 'duplicate';
    });
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
