import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { BatchOutcome, HandlerOutcome } from '@jiceng/kafka';
import { creditEnv } from '../credit.env';
import { stateAt } from '../projections/member-history';
import { MemberRefsService } from '../projections/member-refs.service';
import { ProjectRefsService } from '../projections/project-refs.service';
import { CreditRulesService } from '../rules/credit-rules.service';
import type { Attribution } from '../rules/scoring';
import { bulkWriteAll } from './bulk-writes';
import {
  approvalPlan,
  cancelledApproval,
  claimRounds,
  invalidCheckIn,
  isApproval,
  revocationPlan,
  type CheckInEvent,
} from './checkin-plans';
import { scoringRules, storePlans } from './ledger-plans';
import { LedgerWriter } from './ledger-writer.service';
import {
  APPLICATION_MODEL,
  CLAIM_STATE_MODEL,
  PARKED_CHECKIN_MODEL,
  type ClaimState,
  type LedgerApplication,
  type ParkedCheckIns,
} from './ledger.schemas';
import { park, parkedOf, unpark } from './parked-checkins';

/**
 * Turns reviewed check-ins into ledger applications, a partition's batch at a time. Approvals
 * of members the members projection does not know yet are parked, not dropped and not retried:
 * the member's first event applies them (and a periodic sweep, in case that moment was missed).
 */
@Injectable()
export class CheckInLedgerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CheckInLedgerService.name);
  private sweepTimer?: NodeJS.Timeout;
  private sweptUpTo?: string;

  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<LedgerApplication>,
    @InjectModel(CLAIM_STATE_MODEL) private readonly claims: Model<ClaimState>,
    @InjectModel(PARKED_CHECKIN_MODEL) private readonly parked: Model<ParkedCheckIns>,
    private readonly writer: LedgerWriter,
    private readonly rules: CreditRulesService,
    private readonly members: MemberRefsService,
    private readonly projects: ProjectRefsService,
  ) {}

  onModuleInit(): void {
    this.members.onMemberApplied((memberId) => this.applyParkedOf(memberId));
    this.sweepTimer = setInterval(
      () => void this.sweepParked().catch((e) => this.logger.warn(`parked sweep: ${String(e)}`)),
      creditEnv().parkedSweepMs,
    );
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** One event: a batch of one (an invalid approval throws, so it is retried, then DLQ'd). */
  async handle(event: CheckInEvent): Promise<HandlerOutcome> {
    const invalid = invalidCheckIn(event);
    if (invalid) throw invalid;
    return (await this.handleRound([event], true))[0];
  }

  /**
   * A partition's batch, in rounds in which each claim appears once (claimRounds): a constant
   * number of commands per round, and most batches are one round. Invalid approvals are set
   * aside for the per-message handler (retries, then the DLQ).
   */
  async handleBatch(events: readonly CheckInEvent[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = new Array(events.length);
    const valid: number[] = [];
    for (const [i, event] of events.entries()) {
      if (invalidCheckIn(event)) outcomes[i] = 'alone';
      else valid.push(i);
    }
    const results = await this.inRounds(
      valid.map((i) => events[i]),
      true,
    );
    results.forEach((result, k) => (outcomes[valid[k]] = result));
    return outcomes;
  }

  private async inRounds(
    events: readonly CheckInEvent[],
    recheckParked: boolean,
  ): Promise<HandlerOutcome[]> {
    const outcomes: HandlerOutcome[] = new Array(events.length);
    const { rounds, copies } = claimRounds(events);
    for (const c of copies) outcomes[c] = 'duplicate';
    for (const round of rounds) {
      const results = await this.handleRound(
        round.map((i) => events[i]),
        recheckParked,
      );
      round.forEach((i, k) => (outcomes[i] = results[k]));
    }
    return outcomes;
  }

  /**
   * Reviewed check-ins of distinct claims, in reads and writes by `_id` whose number does not
   * depend on how many there are. The writes keep the order of the one-by-one handling, so a
   * crash anywhere leaves what a retry completes: the claim held, then the plan stored (or the
   * approval parked), then the plan carried out, then the claim released.
   */
  private async handleRound(
    events: readonly CheckInEvent[],
    recheckParked: boolean,
  ): Promise<HandlerOutcome[]> {
    const memberIds = events.flatMap((e) =>
      isApproval(e) && e.data.memberId ? [e.data.memberId] : [],
    );
    const [existing, claims, members] = await Promise.all([
      byId(
        this.applications,
        events.map((e) => e.id),
      ),
      byId(
        this.claims,
        events.map((e) => e.data.claimId),
      ),
      this.members.findByIds([...new Set(memberIds)]),
    ]);
    const memberOf = new Map(members.map((m) => [m._id, m]));
    const stateOf = (e: CheckInEvent) => {
      const ref = e.data.memberId ? memberOf.get(e.data.memberId) : undefined;
      return ref ? stateAt(ref.states, new Date(e.data.reviewedAt)) : null;
    };
    // What revocations reverse, and the firms behind members' project branches.
    const revokedIds = events.flatMap((e) => {
      if (isApproval(e)) return [];
      const id = existing.get(e.id)?.revokes ?? claims.get(e.data.claimId)?.approvedBy;
      return id ? [id] : [];
    });
    const projectBranches = events.flatMap((e) => {
      const branch = isApproval(e) && !existing.has(e.id) ? stateOf(e)?.projectBranchId : null;
      return branch ? [branch] : [];
    });
    const [revoked, firms] = await Promise.all([
      byId(this.applications, revokedIds),
      this.projects.firmsOfBranches(projectBranches),
    ]);

    const outcomes: HandlerOutcome[] = events.map((e) => {
      const stored = existing.get(e.id);
      if (stored) return stored.state === 'PLANNED' ? 'applied' : 'duplicate';
      return 'applied';
    });
    const fresh = events.filter((e) => !existing.has(e.id));
    const order = new Map(events.map((e, i) => [e.id, i]));

    // 1. Claims: an approval earns only while it holds its claim.
    const approvals = await this.holdClaims(
      fresh.filter(isApproval),
      claims,
      (e) => (outcomes[order.get(e.id)!] = 'duplicate'),
    );

    // 2. Revocations of approvals never applied (parked): their ids are taken first, cancelled.
    const revocations = fresh
      .filter((e) => !isApproval(e))
      .filter((e) => {
        if (claims.get(e.data.claimId)?.approvedBy) return true;
        this.logger.warn(
          `claim ${e.data.claimId} holds no approval: revocation ${e.id} changes nothing`,
        );
        outcomes[order.get(e.id)!] = 'duplicate';
        return false;
      });
    const unparks: { memberId: string; eventId: string }[] = [];
    const cancels = revocations.flatMap((e) => {
      const approvalId = claims.get(e.data.claimId)!.approvedBy!;
      return revoked.has(approvalId) ? [] : [cancelledApproval(approvalId, e.data.claimId)];
    });
    for (const approval of await storePlans(this.applications, cancels))
      revoked.set(approval._id, approval);

    // 3. Plans, or parking for members not known yet.
    const toPark: CheckInEvent[] = [];
    const plans: LedgerApplication[] = [];
    for (const e of [...approvals, ...revocations].sort(
      (a, b) => order.get(a.id)! - order.get(b.id)!,
    )) {
      if (!isApproval(e)) {
        const approvalId = claims.get(e.data.claimId)!.approvedBy!;
        const approval = revoked.get(approvalId)!;
        plans.push(revocationPlan(e, approvalId, approval.state === 'CANCELLED' ? null : approval));
        continue;
      }
      const state = e.data.claimantKind === 'MEMBER' ? stateOf(e) : null;
      if (e.data.claimantKind === 'MEMBER' && !state) {
        toPark.push(e);
        continue;
      }
      const attribution: Attribution | null = state && {
        branchId: state.organizationId,
        unitOrganizationId: state.unitOrganizationId,
        firmId: (state.projectBranchId && firms.get(state.projectBranchId)?.firmId) || null,
      };
      plans.push(
        approvalPlan(e, attribution, await scoringRules(this.rules, new Date(e.data.reviewedAt))),
      );
    }
    const storedPlans = new Map(
      (await storePlans(this.applications, plans)).map((a) => [a._id, a]),
    );
    await park(this.parked, toPark);

    // 4. Carry out, in event order: a revoked approval still PLANNED before its reversal.
    const run: LedgerApplication[] = [];
    for (const e of events) {
      const plan = existing.get(e.id) ?? storedPlans.get(e.id);
      if (!plan) continue;
      const approval = plan.revokes ? revoked.get(plan.revokes) : undefined;
      if (approval?.state === 'PLANNED') run.push(approval);
      // A cancelled approval may still wait parked (also after a crash right here).
      if (approval?.state === 'CANCELLED' && e.data.memberId)
        unparks.push({ memberId: e.data.memberId, eventId: approval._id });
      run.push(plan);
    }
    await this.writer.executeAll(run);

    // 5. Release the revoked claims, unpark the cancelled approvals.
    await bulkWriteAll(
      this.claims,
      run
        .filter((a) => a.kind === 'REVOCATION' && a.revokes)
        .map((a) => ({
          updateOne: {
            filter: { _id: a.claimId!, approvedBy: a.revokes },
            update: { $set: { approvedBy: null, revokedBy: a._id } },
          },
        })),
    );
    await unpark(this.parked, unparks);
    if (toPark.length) await this.afterParking(toPark, recheckParked);
    return outcomes;
  }

  /**
   * Takes the claims for these approvals; returns the approvals that hold theirs (now, or
   * already: a retry after a crash) and reports the others (a second approval of a held claim).
   */
  private async holdClaims(
    approvals: readonly CheckInEvent[],
    claims: Map<string, ClaimState>,
    ignored: (event: CheckInEvent) => void,
  ): Promise<CheckInEvent[]> {
    const free = approvals.filter((e) => !claims.get(e.data.claimId)?.approvedBy);
    const allTaken = await bulkWriteAll(
      this.claims,
      free.map((e) => ({
        updateOne: {
          filter: { _id: e.data.claimId, approvedBy: null },
          update: { $set: { approvedBy: e.id } },
          upsert: true,
        },
      })),
    );
    // Another run took some claim meanwhile: read again who holds them.
    const holders = allTaken
      ? new Map(free.map((e) => [e.data.claimId, e.id]))
      : new Map(
          [
            ...(
              await byId(
                this.claims,
                free.map((e) => e.data.claimId),
              )
            ).values(),
          ].map((c) => [c._id, c.approvedBy]),
        );
    return approvals.filter((e) => {
      const holder = holders.get(e.data.claimId) ?? claims.get(e.data.claimId)?.approvedBy;
      if (holder === e.id) return true;
      this.logger.warn(`claim ${e.data.claimId} is already approved: approval ${e.id} ignored`);
      ignored(e);
      return false;
    });
  }

  // ---- parking ---------------------------------------------------------------------------

  /** A parked member may have arrived between the lookup and the parking: look again. */
  private async afterParking(events: readonly CheckInEvent[], recheck: boolean): Promise<void> {
    const memberIds = [...new Set(events.map((e) => e.data.memberId as string))];
    this.logger.log(`${events.length} approvals parked until their members are known`);
    if (!recheck) return;
    for (const member of await this.members.findByIds(memberIds))
      await this.applyParkedOf(member._id);
  }

  /** Applies the approvals parked for a member, once the member is known. */
  async applyParkedOf(memberId: string): Promise<void> {
    const events = await parkedOf(this.parked, memberId);
    if (!events.length) return;
    await this.inRounds(events, false);
    // Those with a plan now (applied, or cancelled by a revocation) wait no more.
    const planned = await byId(
      this.applications,
      events.map((e) => e.id),
    );
    await unpark(
      this.parked,
      [...planned.keys()].map((eventId) => ({ memberId, eventId })),
    );
  }

  /**
   * Applies parked approvals whose members are known by now, 500 members a run, going round
   * the collection; returns how many members had theirs applied.
   */
  async sweepParked(): Promise<number> {
    const parked = await this.parked
      .find(this.sweptUpTo ? { _id: { $gt: this.sweptUpTo } } : {}, { _id: 1 })
      .sort({ _id: 1 })
      .limit(500)
      .lean();
    this.sweptUpTo = parked.length === 500 ? parked[parked.length - 1]._id : undefined;
    const known = await this.members.findByIds(parked.map((p) => p._id));
    for (const { _id } of known) await this.applyParkedOf(_id);
    return known.length;
  }
}

/** Documents by `_id`, in one `$in` (none asked, none read). */
async function byId<T extends { _id: string }>(
  model: Model<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  if (!ids.length) return new Map();
  const docs = await model.find({ _id: { $in: [...new Set(ids)] } } as never).lean<T[]>();
  return new Map(docs.map((d) => [d._id, d]));
}
