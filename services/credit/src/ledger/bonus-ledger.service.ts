import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { periodStart } from '@jiceng/calendar';
import type { CloudEvent, PairingEventV1, StarRatingV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { CreditRulesService } from '../rules/credit-rules.service';
import { jointProjectBonus, starRatingBonus } from '../rules/organizational-life-scoring';
import type { Earning } from '../rules/scoring';
import { earnEntries, scoringRules, storePlans } from './ledger-plans';
import { LedgerWriter } from './ledger-writer.service';
import { APPLICATION_MODEL, type LedgerApplication } from './ledger.schemas';

/** A bonus to plan: its source id, the instant that dates it, and who earns by the rule. */
interface BonusSource {
  id: string;
  at: Date;
  earnings: (rule: Parameters<typeof starRatingBonus>[0]) => Earning[];
}

/**
 * Bonuses (奖励加分) as ledger applications: BONUS entries, one source per result, so the events
 * repeating a result (a pairing's later changes still list its completed projects, a rating
 * published again) change nothing.
 * - `star-rating:<ratingId>`: a published five-star rating, for the rated organization, dated at
 *   the start of the rating's quarter (the bonus is for that quarter, whenever it is published);
 * - `joint-project:<jointProjectId>`: a joint project seen COMPLETED, for every party of the
 *   pairing, dated when the event says the change happened.
 * Each is scored by the version in force at its date, within the accounts' monthly caps.
 */
@Injectable()
export class BonusLedgerService {
  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    private readonly writer: LedgerWriter,
    private readonly rules: CreditRulesService,
  ) {}

  handleRatings(events: readonly CloudEvent<StarRatingV1>[]): Promise<HandlerOutcome[]> {
    return this.apply(events, ({ type, data }) =>
      type === 'jiceng.organizations.star-rating.published' && data.status === 'PUBLISHED'
        ? [
            {
              id: `star-rating:${data.ratingId}`,
              at: periodStart(data.period),
              earnings: (rule) => starRatingBonus(rule, data),
            },
          ]
        : [],
    );
  }

  handlePairings(events: readonly CloudEvent<PairingEventV1>[]): Promise<HandlerOutcome[]> {
    return this.apply(events, ({ time, data }) =>
      data.jointProjects
        .filter((p) => p.status === 'COMPLETED')
        .map((p) => ({
          id: `joint-project:${p.jointProjectId}`,
          // The completion's own date (dated back, maybe); events before the field: their time.
          at: new Date(p.statusSince ?? time),
          earnings: (rule) => jointProjectBonus(rule, data.partyIds),
        })),
    );
  }

  private async apply<T>(
    events: readonly CloudEvent<T>[],
    sourcesOf: (event: CloudEvent<T>) => BonusSource[],
  ): Promise<HandlerOutcome[]> {
    const sources = events.map(sourcesOf);
    const ids = [...new Set(sources.flat().map((s) => s.id))];
    const existing = new Map(
      (await this.applications.find({ _id: { $in: ids } }).lean<LedgerApplication[]>()).map((a) => [
        a._id,
        a,
      ]),
    );
    const plans = new Map<string, LedgerApplication>();
    for (const source of sources.flat())
      if (!existing.has(source.id) && !plans.has(source.id))
        plans.set(source.id, await this.plan(source));
    const stored = await storePlans(this.applications, [...plans.values()]);
    await this.writer.executeAll([...existing.values(), ...stored]);
    const applied = new Set<string>();
    return sources.map((list) => {
      const fresh = list.filter((s) => {
        const before = existing.get(s.id);
        const first = !applied.has(s.id) && (!before || before.state === 'PLANNED');
        applied.add(s.id);
        return first;
      });
      return fresh.length ? 'applied' : 'duplicate';
    });
  }

  private async plan({ id, at, earnings }: BonusSource): Promise<LedgerApplication> {
    const { rule, caps } = await scoringRules(this.rules, at);
    return {
      _id: id,
      kind: 'BONUS',
      claimId: null,
      visitId: null,
      revokes: null,
      state: 'PLANNED',
      occurredAt: at,
      entries: earnEntries(earnings(rule), rule.version, caps, at).map((e) => ({
        ...e,
        kind: 'BONUS' as const,
      })),
      createdAt: new Date(),
    };
  }
}
