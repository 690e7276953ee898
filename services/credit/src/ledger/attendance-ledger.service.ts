import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { periodStart, shanghaiMonth } from '@jiceng/calendar';
import { monthTotalId } from '../account/account';
import type { HandlerOutcome } from '@jiceng/kafka';
import { ProjectRefsService } from '../projections/project-refs.service';
import { CreditRulesService } from '../rules/credit-rules.service';
import {
  attendanceItems,
  attendancePlan,
  heldOnInstant,
  itemApplicationId,
  meetingRequest,
  previousApplicationId,
  type AttendanceItem,
  type OrganizationalLifeEvent,
} from './attendance-plans';
import { planGrants } from './batch-grants';
import { roundsBy, scoringRules, storePlans } from './ledger-plans';
import { LedgerWriter, writeMonthTotals } from './ledger-writer.service';
import {
  APPLICATION_MODEL,
  MEETING_TOTAL_MODEL,
  type LedgerApplication,
  type MonthTotal,
  type PlannedEntry,
} from './ledger.schemas';

const MAX_ROUNDS = 40;
const jitter = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 20)));

/**
 * Turns attendance facts (jiceng.members.organizational-life.v1) into ledger applications, one
 * per (attendanceId, version), a partition's batch at a time. A meeting and its corrections share
 * a partition (keyed by meeting id), so a correction always finds the version it corrects
 * planned; versions of one attendance within a batch go in successive rounds. Each round:
 * the member's meeting months grant their steps (compare-and-set, marks kept), the plans are
 * stored under their ids, then carried out by the ledger writer like any other source.
 */
@Injectable()
export class AttendanceLedgerService {
  private readonly logger = new Logger(AttendanceLedgerService.name);

  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    @InjectModel(MEETING_TOTAL_MODEL) private readonly meetingTotals: Model<MonthTotal>,
    private readonly writer: LedgerWriter,
    private readonly rules: CreditRulesService,
    private readonly projects: ProjectRefsService,
  ) {}

  async handle(event: OrganizationalLifeEvent): Promise<HandlerOutcome> {
    return (await this.handleBatch([event]))[0];
  }

  async handleBatch(events: readonly OrganizationalLifeEvent[]): Promise<HandlerOutcome[]> {
    const items = events.flatMap((e, index) => attendanceItems(e).map((item) => ({ item, index })));
    const { rounds } = roundsBy(
      items,
      (i) => itemApplicationId(i.item),
      (i) => i.item.fact.attendanceId,
    );
    const applied = new Set<number>();
    for (const round of rounds) {
      const done = await this.applyRound(round.map((k) => items[k].item));
      round.forEach((k, j) => done[j] && applied.add(items[k].index));
    }
    const seen = new Set<string>();
    return events.map((e, index) => {
      const first = !seen.has(e.id);
      seen.add(e.id);
      return first && applied.has(index) ? 'applied' : 'duplicate';
    });
  }

  /** Versions of distinct attendances; true for each one planned now or still to carry out. */
  private async applyRound(items: readonly AttendanceItem[]): Promise<boolean[]> {
    const previousIds = items.flatMap((i) => previousApplicationId(i) ?? []);
    const known = await this.byId([...items.map(itemApplicationId), ...previousIds]);
    const fresh = items.filter((i) => !known.has(itemApplicationId(i)));
    const previousOf = (i: AttendanceItem) => known.get(previousApplicationId(i) ?? '') ?? null;
    for (const i of fresh)
      if (i.fact.version > 1 && i.fact.previousStatus === 'PRESENT' && !previousOf(i))
        this.logger.warn(`${itemApplicationId(i)} corrects a version never read: nothing reversed`);

    // Floating members' project branches: the firms behind them take their share.
    const firms = await this.projects.firmsOfBranches(
      fresh.filter((i) => i.fact.floating).map((i) => i.meeting.organizationId),
    );
    const scored = [];
    for (const item of fresh) {
      const rules = await scoringRules(this.rules, heldOnInstant(item.meeting.heldOn));
      const caps = new Map<string, number>();
      for (const month of [item.meeting.heldOn.slice(0, 7), this.previousMonth(previousOf(item))])
        if (month)
          caps.set(month, (await this.rules.at(periodStart(month))).meetingPoints.memberMonthlyCap);
      const request = meetingRequest(item, rules.rule, previousOf(item), (m) => caps.get(m) ?? 0);
      scored.push({ item, rules, request });
    }
    const steps = await this.grantMeetings(scored.flatMap((s) => s.request ?? []));
    const plans = scored.map(({ item, rules, request }) =>
      attendancePlan(
        item,
        rules,
        previousOf(item),
        request ? steps.get(String(request.entryId))! : 0,
        firms.get(item.meeting.organizationId)?.firmId ?? null,
      ),
    );
    const stored = new Map((await storePlans(this.applications, plans)).map((a) => [a._id, a]));

    const run: LedgerApplication[] = [];
    const done = items.map((item) => {
      const plan = known.get(itemApplicationId(item)) ?? stored.get(itemApplicationId(item));
      if (!plan) return false;
      // A crash may have left the corrected version planned: it goes first.
      const previous = previousOf(item);
      if (previous?.state === 'PLANNED') run.push(previous);
      run.push(plan);
      return !known.has(plan._id) || plan.state === 'PLANNED';
    });
    await this.writer.executeAll(run);
    return done;
  }

  private previousMonth(previous: LedgerApplication | null): string | null {
    return previous ? shanghaiMonth(previous.occurredAt) : null;
  }

  /** The step each request moves its member's meeting month by (one round per conflict). */
  private async grantMeetings(requests: readonly PlannedEntry[]): Promise<Map<string, number>> {
    const steps = new Map<string, number>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (!requests.length) return steps;
      if (round > 0) await jitter();
      const ids = [...new Set(requests.map((r) => monthTotalId(r.account, r.month)))];
      const totals = await this.meetingTotals.find({ _id: { $in: ids } }).lean<MonthTotal[]>();
      const plan = planGrants(requests, new Map(totals.map((t) => [t._id, t])), new Set());
      if (!(await writeMonthTotals(this.meetingTotals, plan.writes))) continue;
      for (const g of [...plan.held, ...plan.granted])
        steps.set(String(g.entry.entryId), g.granted);
      return steps;
    }
    throw new Error('members’ meeting months kept changing');
  }

  private async byId(ids: readonly string[]): Promise<Map<string, LedgerApplication>> {
    if (!ids.length) return new Map();
    const docs = await this.applications
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<LedgerApplication[]>();
    return new Map(docs.map((d) => [d._id, d]));
  }
}
