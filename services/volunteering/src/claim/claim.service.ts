import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { periodArg } from '@jiceng/calendar';
import { MemberProjectionService } from '../member-projection/member-projection.service';
import { CommunityAccess } from '../community/community-access';
import { OrgProjectionService } from '@jiceng/org-projection';
import { transition } from '@jiceng/workflow';
import { TaskService } from '../task/task.service';
import { audiencesFor, TASK_AUDIENCE_LABELS } from '../task/task.enums';
import { holderKey, type VolunteerTask } from '../task/task.schema';
import { CLAIM_STEPS } from './claim-steps';
import type { ClaimantKind } from './claim.enums';
import { CLAIM_MODEL, CLAIM_PROJECTION, type Claim } from './claim.schema';
import type { ClaimFilter, ClaimVolunteerTaskInput, WithdrawClaimInput } from './dto/claim.inputs';

const OBJECT_ID = /^[0-9a-f]{24}$/;

interface Claimant {
  kind: ClaimantKind;
  id: Types.ObjectId;
}

@Injectable()
export class ClaimService implements OnModuleInit {
  constructor(
    @InjectModel(CLAIM_MODEL) private readonly model: Model<Claim>,
    private readonly tasks: TaskService,
    private readonly access: CommunityAccess,
    private readonly members: MemberProjectionService,
    private readonly orgs: OrgProjectionService,
  ) {}

  onModuleInit(): void {
    // A slot is still rightly held by a claim that exists and was not withdrawn.
    this.tasks.registerHolderCheck(async (ids) => {
      const alive = await this.model
        .find({ _id: { $in: ids }, state: { $ne: 'WITHDRAWN' } }, { _id: 1 })
        .lean<Pick<Claim, '_id'>[]>();
      return new Set(alive.map((c) => String(c._id)));
    });
  }

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<Claim | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, CLAIM_PROJECTION).lean<Claim>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<Claim> {
    const claim = await this.find(id);
    if (!claim) throw notFound('Claim', id);
    return claim;
  }

  /** The claim for a step its claimant takes (the member itself, the organization's admin). */
  async getAsClaimant(id: string, claims: Claims): Promise<Claim> {
    const claim = await this.get(id);
    if (!(await this.isClaimant(claims, claim)))
      throw forbidden(`Only the claimant of claim ${id} may do this`);
    return claim;
  }

  async isClaimant(claims: Claims, claim: Claim): Promise<boolean> {
    if (claims.role === 'ADMIN') return true;
    if (claim.claimantKind === 'MEMBER')
      return claims.role === 'MEMBER' && claims.memberId === String(claim.memberId);
    return (
      claims.role === 'ORG_ADMIN' &&
      claim.organizationId !== null &&
      (await this.access.isReadable(claims, claim.organizationId))
    );
  }

  /** Readable by the community's scope, by the claimant, and by those who may read the member. */
  async canRead(claims: Claims, claim: Claim): Promise<boolean> {
    if (hasGlobalScope(claims)) return true;
    if (!readsClaims(claims)) return false;
    if (await this.access.isReadable(claims, claim.communityId)) return true;
    if (claim.organizationId && (await this.access.isReadable(claims, claim.organizationId)))
      return true;
    return claim.memberId !== null && this.canReadMember(claims, String(claim.memberId));
  }

  /** The lookup by id (query and entity reference): null when unknown or outside the caller's scope. */
  async getReadable(id: string, claims: Claims): Promise<Claim | null> {
    // A role that reads no claims is refused whatever the id (null is for ids it may not know).
    if (!readsClaims(claims)) throw forbidden(`Role ${claims.role} does not read volunteer claims`);
    return visibleOrNull(await this.find(id), (claim) => this.canRead(claims, claim));
  }

  /** A member's claims and hours: the member itself, global roles, and the scopes of its branch and of the community it reports to. */
  async canReadMember(claims: Claims, memberId: string): Promise<boolean> {
    if (hasGlobalScope(claims)) return true;
    // A member reads its own claims only; its branch's scope is not its to read (isReadable).
    if (claims.role === 'MEMBER') return claims.memberId === memberId;
    if (!readsClaims(claims)) return false;
    const member = await this.members.get(memberId);
    if (!member) return false;
    if (await this.access.isReadable(claims, member.organizationId)) return true;
    return member.communityId !== null && this.access.isReadable(claims, member.communityId);
  }

  async ofTask(
    claims: Claims,
    task: VolunteerTask,
    filter: ClaimFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Claim>> {
    if (!readsClaims(claims)) throw forbidden(`Role ${claims.role} does not read volunteer claims`);
    await this.access.requireReadable(claims, task.communityId);
    return paginate(
      this.model,
      { ...stateQuery(filter), taskId: task._id },
      page,
      CLAIM_PROJECTION,
    );
  }

  async inOrganization(
    claims: Claims,
    organizationId: string,
    filter: ClaimFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Claim>> {
    if (!readsClaims(claims)) throw forbidden(`Role ${claims.role} does not read volunteer claims`);
    const communities = await this.access.communitiesUnder(claims, organizationId);
    return paginate(
      this.model,
      { ...stateQuery(filter), communityId: { $in: communities } },
      page,
      CLAIM_PROJECTION,
    );
  }

  async ofMember(claims: Claims, memberId: string, page: PageArgs): Promise<Connection<Claim>> {
    const id = await this.readableMemberId(claims, memberId);
    return paginate(this.model, { memberId: id }, page, CLAIM_PROJECTION);
  }

  /** Hours of approved service whose check-in falls in the period (Asia/Shanghai). */
  async volunteerHours(claims: Claims, memberId: string, period: string): Promise<number> {
    const { startsAt: from, endsAt: to } = periodArg(period);
    const id = await this.readableMemberId(claims, memberId);
    const [sum] = await this.model.aggregate<{ minutes: number }>([
      { $match: { memberId: id, state: 'APPROVED', 'checkIn.at': { $gte: from, $lt: to } } },
      { $group: { _id: null, minutes: { $sum: '$durationMinutes' } } },
    ]);
    return Math.round(((sum?.minutes ?? 0) / 60) * 100) / 100;
  }

  private async readableMemberId(claims: Claims, memberId: string): Promise<Types.ObjectId> {
    if (!OBJECT_ID.test(memberId) || !(await this.canReadMember(claims, memberId)))
      throw forbidden(`Member ${memberId} is outside your scope`);
    return new Types.ObjectId(memberId);
  }

  // ---- changes ---------------------------------------------------------------------------

  async claim(input: ClaimVolunteerTaskInput, claims: Claims): Promise<Claim> {
    const claimant = await this.claimantFor(input, claims);
    const task = await this.tasks.get(input.taskId);
    if (!audiencesFor(claimant.kind).includes(task.audience))
      throw badUserInput([
        {
          field: 'input.taskId',
          message: `is published ${TASK_AUDIENCE_LABELS[task.audience]} (${task.audience}); ${claimant.kind === 'MEMBER' ? 'members' : 'organizations'} cannot claim it`,
        },
      ]);
    const now = new Date();
    const claim: Claim = {
      _id: new Types.ObjectId(),
      taskId: task._id,
      communityId: task.communityId,
      claimantKind: claimant.kind,
      memberId: claimant.kind === 'MEMBER' ? claimant.id : null,
      organizationId: claimant.kind === 'ORGANIZATION' ? claimant.id : null,
      claimedBy: claims.sub,
      state: 'CLAIMED',
      claimedAt: now,
      task: {
        category: task.category,
        points: task.points,
        startsAt: task.startsAt,
        endsAt: task.endsAt,
      },
      updatedAt: now,
      outbox: [],
    };
    const outcome = await this.tasks.reserveSlot(
      task._id,
      holderKey(claimant.kind, String(claimant.id)),
      claim._id,
      now,
    );
    if (outcome === 'already-claimed')
      throw conflict(
        `This ${claimant.kind.toLowerCase()} already holds a claim on task ${input.taskId}`,
      );
    if (outcome === 'full')
      throw conflict(`All ${task.slots} slots of task ${input.taskId} are taken`);
    if (outcome === 'closed')
      throw conflict(`Task ${input.taskId} is cancelled or has ended and takes no more claims`);
    try {
      await this.model.create(claim);
    } catch (error) {
      await this.tasks.releaseSlot(task._id, claim._id);
      throw error;
    }
    return claim;
  }

  /** Withdrawal before check-in; frees the slot. The claimant or the community's admin may withdraw. */
  async withdraw(input: WithdrawClaimInput, claims: Claims): Promise<Claim> {
    const claim = await this.get(input.claimId);
    if (
      !(await this.isClaimant(claims, claim)) &&
      !(await this.access.isAdmin(claims, claim.communityId))
    )
      throw forbidden(
        `Only the claimant or the community's admin may withdraw claim ${input.claimId}`,
      );
    CLAIM_STEPS.requireStep(claim.state, 'withdraw');
    const now = new Date();
    await transition(this.model, {
      steps: CLAIM_STEPS,
      step: 'withdraw',
      id: claim._id,
      set: { withdrawnAt: now, updatedAt: now },
      what: 'Claim',
    });
    await this.tasks.releaseSlot(claim.taskId, claim._id);
    return this.get(input.claimId);
  }

  private async claimantFor(input: ClaimVolunteerTaskInput, claims: Claims): Promise<Claimant> {
    if (claims.role === 'MEMBER') {
      if (input.organizationId)
        throw badUserInput([
          { field: 'input.organizationId', message: 'members claim for themselves; leave it out' },
        ]);
      if (!claims.memberId || !OBJECT_ID.test(claims.memberId))
        throw forbidden('A MEMBER token without a member id (claims.memberId) cannot claim tasks');
      return { kind: 'MEMBER', id: new Types.ObjectId(claims.memberId) };
    }
    if (claims.role === 'ORG_ADMIN') {
      const orgId = input.organizationId ?? (claims.orgId as string);
      if (orgId !== claims.orgId && !(await this.access.isReadable(claims, orgId)))
        throw forbidden(`Organization ${orgId} is outside your scope`);
      return { kind: 'ORGANIZATION', id: new Types.ObjectId(orgId) };
    }
    if (claims.role === 'ADMIN') {
      if (!input.organizationId)
        throw badUserInput([
          {
            field: 'input.organizationId',
            message: 'is required when ADMIN claims for an organization',
          },
        ]);
      if (!(await this.orgs.get(input.organizationId)))
        throw badUserInput([
          { field: 'input.organizationId', message: 'is not a known organization' },
        ]);
      return { kind: 'ORGANIZATION', id: new Types.ObjectId(input.organizationId) };
    }
    throw forbidden(`Role ${claims.role} cannot claim volunteer tasks`);
  }
}

/**
 * Claims are members' service records: a STATION_OPERATOR runs stations and, as with the member
 * records themselves, has no business with them.
 */
function readsClaims(claims: Claims): boolean {
  return claims.role !== 'STATION_OPERATOR';
}

function stateQuery(filter: ClaimFilter | undefined): QueryFilter<Claim> {
  return filter?.states?.length ? { state: { $in: filter.states } } : {};
}
