import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CloudEvent, HouseholdContactsV1, HouseholdVisitV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { CreditRulesService } from '../rules/credit-rules.service';
import {
  earningVisit,
  householdMonthSourceId,
  householdVisitEarnings,
  visitedOnInstant,
} from '../rules/household-visit-scoring';
import { earnEntries, scoringRules, storePlans } from './ledger-plans';
import { LedgerWriter } from './ledger-writer.service';
import { APPLICATION_MODEL, type LedgerApplication } from './ledger.schemas';

type HouseholdContactsEvent = CloudEvent<HouseholdContactsV1>;

/**
 * Household visits (党员联系户走访, jiceng.members.household-contacts.v1) as ledger applications.
 * The source is the household's month (`household-visit:<householdId>:<YYYY-MM>`), not the visit:
 * one unique id gives both guarantees, a visit's redelivery applied once and a household's month
 * earning once, with no second document to keep in step. The first visit on time recorded for
 * the month plans it (the application names that visit); a later one, on time or not, finds it
 * planned and earns nothing. Scored by the version in force on the day of the visit, within the
 * accounts' monthly caps like any entry. The event names member and branch: nothing waits for a
 * projection.
 */
@Injectable()
export class HouseholdVisitLedgerService {
  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    private readonly writer: LedgerWriter,
    private readonly rules: CreditRulesService,
  ) {}

  async handle(event: HouseholdContactsEvent): Promise<HandlerOutcome> {
    return (await this.handleBatch([event]))[0];
  }

  /** A partition's events: plans read and stored in one command each, then carried out. */
  async handleBatch(events: readonly HouseholdContactsEvent[]): Promise<HandlerOutcome[]> {
    const visits = events.map((e) => {
      const visit = earningVisit(e);
      return visit ? { visit, id: householdMonthSourceId(visit) } : null;
    });
    const ids = [...new Set(visits.flatMap((v) => v?.id ?? []))];
    const existing = new Map(
      (ids.length
        ? await this.applications.find({ _id: { $in: ids } }).lean<LedgerApplication[]>()
        : []
      ).map((a) => [a._id, a]),
    );
    // In partition order: the batch's first visit of a household month is the one that earns.
    const plans = new Map<string, LedgerApplication>();
    for (const v of visits)
      if (v && !existing.has(v.id) && !plans.has(v.id)) plans.set(v.id, await this.plan(v));
    const stored = await storePlans(this.applications, [...plans.values()]);
    await this.writer.executeAll([...existing.values(), ...stored]);
    // Applied: the visit that holds its month's plan, the first time it is carried out (a plan
    // left PLANNED by a crash is carried out now by the visit's redelivery).
    const holder = new Map(stored.map((a) => [a._id, a]));
    const seen = new Set<string>();
    return visits.map((v) => {
      if (!v) return 'duplicate';
      const before = existing.get(v.id);
      const plan = before ?? holder.get(v.id);
      const first = !seen.has(v.id);
      seen.add(v.id);
      const mine = plan?.visitId === v.visit.visitId;
      return first && mine && (!before || before.state === 'PLANNED') ? 'applied' : 'duplicate';
    });
  }

  private async plan({ visit, id }: { visit: HouseholdVisitV1; id: string }) {
    const at = visitedOnInstant(visit.visitedOn);
    const { rule, caps } = await scoringRules(this.rules, at);
    const plan: LedgerApplication = {
      _id: id,
      kind: 'HOUSEHOLD_VISIT',
      claimId: null,
      visitId: visit.visitId,
      revokes: null,
      state: 'PLANNED',
      occurredAt: at,
      entries: earnEntries(householdVisitEarnings(rule, visit), rule.version, caps, at),
      createdAt: new Date(),
    };
    return plan;
  }
}
