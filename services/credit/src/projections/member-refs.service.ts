import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CloudEvent, MemberLifecycleV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { stateAt, type MemberStateRecord } from './member-history';
import { MEMBER_REF_MODEL, type MemberRef } from './projection.schemas';

/** Called after a member's event was applied (or found applied), e.g. to apply parked claims. */
export type MemberListener = (memberId: string) => Promise<void>;

@Injectable()
export class MemberRefsService {
  private readonly logger = new Logger(MemberRefsService.name);
  private readonly listeners: MemberListener[] = [];

  constructor(@InjectModel(MEMBER_REF_MODEL) private readonly model: Model<MemberRef>) {}

  onMemberApplied(listener: MemberListener): void {
    this.listeners.push(listener);
  }

  /**
   * Adds the event's state to the member's history once (the version is the guard), then makes
   * it the current state if it is the newest. Unit double-report events carry no member: the
   * member's own events name its unit organization.
   */
  async apply({ data }: CloudEvent<MemberLifecycleV1>): Promise<HandlerOutcome> {
    const member = data.member;
    if (!member) return 'duplicate';
    const state: MemberStateRecord = {
      version: member.version,
      effectiveAt: new Date(data.effectiveAt),
      organizationId: member.organizationId,
      unitOrganizationId: member.unitOrganizationId,
      projectBranchId: member.projectBranchId,
      communityId: member.communityId,
      status: member.status,
    };
    let outcome: HandlerOutcome = 'applied';
    try {
      await this.model.updateOne(
        { _id: member.memberId, 'states.version': { $ne: member.version } },
        {
          $push: { states: state },
          $max: { version: member.version },
          $setOnInsert: { branchId: member.organizationId, status: member.status },
        },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      outcome = 'duplicate';
    }
    // Also on a duplicate: a crash may have come between the two writes, or before the listeners.
    await this.model.updateOne(
      { _id: member.memberId, version: member.version },
      { $set: { branchId: member.organizationId, status: member.status } },
    );
    // A listener's failure must not fail the member's event: parked claims are also swept.
    for (const listener of this.listeners) {
      await listener(member.memberId).catch((error) =>
        this.logger.warn(`after member ${member.memberId}: ${String(error)}`),
      );
    }
    return outcome;
  }

  async exists(memberId: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: memberId })) > 0;
  }

  findByIds(ids: readonly string[]): Promise<MemberRef[]> {
    return this.model.find({ _id: { $in: ids } }).lean<MemberRef[]>();
  }

  /** The member's state in force at `instant`, or null while the member is unknown. */
  async stateAt(memberId: string, instant: Date): Promise<MemberStateRecord | null> {
    const ref = await this.model.findById(memberId, { states: 1 }).lean<MemberRef>();
    return ref ? stateAt(ref.states, instant) : null;
  }

  /** Members (every status but LEFT) whose current branch is one of `branchIds`. */
  inBranches(branchIds: readonly string[]): Promise<Pick<MemberRef, '_id' | 'branchId'>[]> {
    return this.model
      .find({ branchId: { $in: branchIds }, status: { $ne: 'LEFT' } }, { branchId: 1 })
      .lean<Pick<MemberRef, '_id' | 'branchId'>[]>();
  }
}
