import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { CheckInReviewedV1, CloudEvent } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { creditEnv } from '../credit.env';
import type { MemberStateRecord } from '../projections/member-history';
import { MemberRefsService } from '../projections/member-refs.service';
import { ProjectRefsService } from '../projections/project-refs.service';
import { CreditRulesService } from '../rules/credit-rules.service';
import { earningsFor, type Attribution } from '../rules/scoring';
import { earnEntries, scoringRules, storePlan } from './ledger-plans';
import { LedgerWriter } from './ledger-writer.service';
import {
  APPLICATION_MODEL,
  CLAIM_STATE_MODEL,
  PARKED_CHECKIN_MODEL,
  type ClaimState,
  type LedgerApplication,
  type ParkedCheckIns,
  type PlannedEntry,
} from './ledger.schemas';

type CheckInEvent = CloudEvent<CheckInReviewedV1>;

/** A check-in that breaks the contract's meaning (valid JSON Schema, impossible content). */
export class InvalidCheckInError extends Error {
  override readonly name = 'InvalidCheckInError';
}

/**
 * Turns reviewed check-ins into ledger applications. Approvals of members the members
 * projection does not know yet are parked, not dropped and not retried: the member's first event
 * applies them (and a periodic sweep, in case that moment was missed).
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

  handle(event: CheckInEvent): Promise<HandlerOutcome> {
    return event.type === 'jiceng.volunteering.checkin.approved'
      ? this.approve(event)
      : this.revoke(event);
  }

  // ---- approvals -------------------------------------------------------------------------

  private async approve(event: CheckInEvent): Promise<HandlerOutcome> {
    const { data } = event;
    if (data.claimantKind === 'MEMBER' && !data.memberId)
      throw new InvalidCheckInError(`claim ${data.claimId}: a member claim without memberId`);
    if (data.claimantKind === 'ORGANIZATION' && !data.organizationId)
      throw new InvalidCheckInError(
        `claim ${data.claimId}: an organization claim without organizationId`,
      );

    // The member's state is read alongside: most approvals are new, and need it.
    const [existing, memberState] = await Promise.all([
      this.applications.findById(event.id).lean<LedgerApplication>(),
      data.memberId ? this.members.stateAt(data.memberId, new Date(data.reviewedAt)) : null,
    ]);
    if (existing) {
      if (existing.state !== 'PLANNED') return 'duplicate';
      await this.writer.execute(existing);
      return 'applied';
    }
    if (!(await this.holdClaim(data.claimId, event.id))) {
      this.logger.warn(`claim ${data.claimId} is already approved: approval ${event.id} ignored`);
      return 'duplicate';
    }
    const application = await this.planApproval(event, memberState);
    if (!application) {
      await this.park(event);
      return 'applied';
    }
    await this.writer.execute(await this.store(application));
    return 'applied';
  }

  /** True when this approval holds the claim now (or already did: a retry after a crash). */
  private async holdClaim(claimId: string, eventId: string): Promise<boolean> {
    try {
      const claim = await this.claims
        .findOneAndUpdate(
          { _id: claimId, approvedBy: null },
          { $set: { approvedBy: eventId } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<ClaimState>();
      if (claim?.approvedBy === eventId) return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const claim = await this.claims.findById(claimId).lean<ClaimState>();
    return claim?.approvedBy === eventId;
  }

  /** The approval's plan, or null while its member is unknown. */
  private async planApproval(
    event: CheckInEvent,
    known?: MemberStateRecord | null,
  ): Promise<LedgerApplication | null> {
    const { data } = event;
    const reviewedAt = new Date(data.reviewedAt);
    let attribution: Attribution | null = null;
    if (data.claimantKind === 'MEMBER') {
      const state = known ?? (await this.members.stateAt(data.memberId as string, reviewedAt));
      if (!state) return null;
      const firm = state.projectBranchId
        ? await this.projects.firmOfBranch(state.projectBranchId)
        : null;
      attribution = {
        branchId: state.organizationId,
        unitOrganizationId: state.unitOrganizationId,
        firmId: firm?.firmId ?? null,
      };
    }
    const { rule, caps } = await scoringRules(this.rules, reviewedAt);
    return {
      _id: event.id,
      kind: 'APPROVAL',
      claimId: data.claimId,
      visitId: null,
      revokes: null,
      state: 'PLANNED',
      occurredAt: reviewedAt,
      entries: earnEntries(earningsFor(rule, data, attribution), rule.version, caps, reviewedAt),
      createdAt: new Date(),
    };
  }

  private store(application: LedgerApplication): Promise<LedgerApplication> {
    return storePlan(this.applications, application);
  }

  // ---- parking ---------------------------------------------------------------------------

  private async park(event: CheckInEvent): Promise<void> {
    const memberId = event.data.memberId as string;
    try {
      await this.parked.updateOne(
        { _id: memberId, 'approvals.eventId': { $ne: event.id } },
        {
          $push: {
            approvals: {
              eventId: event.id,
              claimId: event.data.claimId,
              event: JSON.stringify(event),
              parkedAt: new Date(),
            },
          },
        },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // parked already
    }
    this.logger.log(`approval ${event.id} parked until member ${memberId} is known`);
    // The member may have arrived between the lookup and the parking: look again.
    if (await this.members.exists(memberId)) await this.applyParkedOf(memberId);
  }

  /** Applies the approvals parked for a member, once the member is known. */
  async applyParkedOf(memberId: string): Promise<void> {
    const parked = await this.parked.findById(memberId).lean<ParkedCheckIns>();
    for (const approval of parked?.approvals ?? []) {
      let application = await this.applications
        .findById(approval.eventId)
        .lean<LedgerApplication>();
      if (!application) {
        const planned = await this.planApproval(JSON.parse(approval.event) as CheckInEvent);
        if (!planned) return; // still unknown
        application = await this.store(planned);
      }
      await this.writer.execute(application);
      await this.unpark(memberId, approval.eventId);
    }
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
    let applied = 0;
    for (const { _id } of parked) {
      if (!(await this.members.exists(_id))) continue;
      await this.applyParkedOf(_id);
      applied++;
    }
    return applied;
  }

  private async unpark(memberId: string, eventId: string): Promise<void> {
    await this.parked.updateOne({ _id: memberId }, { $pull: { approvals: { eventId } } });
    await this.parked.deleteOne({ _id: memberId, approvals: { $size: 0 } });
  }

  // ---- revocations -----------------------------------------------------------------------

  private async revoke(event: CheckInEvent): Promise<HandlerOutcome> {
    const { claimId } = event.data;
    const existing = await this.applications.findById(event.id).lean<LedgerApplication>();
    if (existing) {
      await this.writer.execute(existing);
      await this.releaseClaim(claimId, existing.revokes, event.id);
      return existing.state === 'PLANNED' ? 'applied' : 'duplicate';
    }
    const claim = await this.claims.findById(claimId).lean<ClaimState>();
    if (!claim?.approvedBy) {
      this.logger.warn(
        `claim ${claimId} holds no approval: revocation ${event.id} changes nothing`,
      );
      return 'duplicate';
    }
    const approval = await this.approvalToRevoke(claim.approvedBy, event.data);
    const reviewedAt = new Date(event.data.reviewedAt);
    // A reversal belongs to the approval's month, whose cap and totals it corrects.
    const entries: PlannedEntry[] = (approval?.entries ?? []).map((e) => ({
      ...e,
      entryId: new Types.ObjectId(),
      kind: 'REVERSAL',
      requested: -e.requested,
      reversesEntryId: e.entryId,
    }));
    const revocation = await this.store({
      _id: event.id,
      kind: 'REVOCATION',
      claimId,
      visitId: null,
      revokes: claim.approvedBy,
      state: 'PLANNED',
      occurredAt: reviewedAt,
      entries,
      createdAt: new Date(),
    });
    await this.writer.execute(revocation);
    await this.releaseClaim(claimId, revocation.revokes, event.id);
    return 'applied';
  }

  /**
   * The approval to reverse, completed first; null when it was never applied (it was parked):
   * then a CANCELLED plan takes its id, so a late un-parking can never apply it.
   */
  private async approvalToRevoke(
    approvalId: string,
    { claimId, memberId }: CheckInReviewedV1,
  ): Promise<LedgerApplication | null> {
    const cancelled: LedgerApplication = {
      _id: approvalId,
      kind: 'APPROVAL',
      claimId,
      visitId: null,
      revokes: null,
      state: 'CANCELLED',
      occurredAt: new Date(),
      entries: [],
      createdAt: new Date(),
    };
    const approval = await this.store(cancelled);
    if (approval.state === 'CANCELLED') {
      if (memberId) await this.unpark(memberId, approvalId);
      return null;
    }
    await this.writer.execute(approval);
    return approval;
  }

  private async releaseClaim(claimId: string, approvalId: string | null, revocationId: string) {
    if (!approvalId) return;
    await this.claims.updateOne(
      { _id: claimId, approvedBy: approvalId },
      { $set: { approvedBy: null, revokedBy: revocationId } },
    );
  }
}
