import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type PageArgs,
} from '@jiceng/graphql';
import { managesPath, relatedListScope } from '../member/member-access';
import {
  MEMBER_MODEL,
  MEMBER_PROJECTION,
  type Member,
  type Transfer,
} from '../member/member.schema';
import { allOf } from '../member/member.queries';
import { membershipProblems } from '../member/membership.rules';
import { transferView } from '../member/member.views';
import { MemberWriter } from '../member/member.writer';
import { pathOf, OrgProjectionService } from '@jiceng/org-projection';
import { MemberCounters } from '../read-model/member-counters';
import type { DecideTransferInput, RequestTransferInput } from './dto/transfer.inputs';
import { TRANSFER_STEPS, type TransferStep } from './transfer-steps';

// 组织关系转接: the sending side (or the member) asks, the receiving side accepts or sends it back.
// The transfer lives on the member, so the request, the decision and the move of the membership
// are each one single-document write with their event. A decision is a TRANSFER_STEPS step but is
// written by MemberWriter, not transition(): the transfer is a subdocument moved from
// pendingTransfer to the history, every member write is guarded by the member's version, and the
// writer counts the change for the read model.
@Injectable()
export class TransferService {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly writer: MemberWriter,
    private readonly orgs: OrgProjectionService,
    private readonly counters: MemberCounters,
  ) {}

  async request(input: RequestTransferInput, claims: Claims) {
    const member = await this.model.findById(input.memberId, MEMBER_PROJECTION).lean<Member>();
    if (!member) throw notFound('Member', input.memberId);
    const self = claims.role === 'MEMBER' && claims.memberId === String(member._id);
    if (!self && !managesPath(claims, member.organizationPath))
      throw forbidden('Only the member or an admin of its branch may request a transfer');
    if (member.status === 'LEFT')
      throw conflict(`Member ${input.memberId} has left the party; the record is closed`);
    if (member.pendingTransfer)
      throw conflict(`Member ${input.memberId} already has a pending transfer`);
    const target = await this.orgs.get(input.toOrganizationId);
    if (!target)
      throw badUserInput([
        { field: 'input.toOrganizationId', message: 'is not a known organization' },
      ]);
    const problems = membershipProblems('input.toOrganizationId', target);
    if (target._id.equals(member.organizationId))
      problems.push({ field: 'input.toOrganizationId', message: 'already holds the membership' });
    if (problems.length) throw badUserInput(problems);
    const transfer: Transfer = {
      _id: new Types.ObjectId(),
      fromOrganizationId: member.organizationId,
      toOrganizationId: target._id,
      toOrganizationPath: pathOf(target),
      state: 'PENDING',
      reason: input.reason.trim(),
      requestedAt: new Date(),
      requestedBy: claims.sub,
    };
    const saved = await this.writer.commit(
      member,
      { set: { pendingTransfer: transfer } },
      'transferRequested',
      { changedFields: ['pendingTransfer'], effectiveAt: transfer.requestedAt, transfer },
    );
    return transferView(saved, transfer);
  }

  async accept(input: DecideTransferInput, claims: Claims) {
    const { member, pending } = await this.decidable(input.transferId, claims, 'accept');
    // The receiving node's path is read now: it may have moved since the request.
    const target = await this.orgs.get(pending.toOrganizationId);
    const problems = target ? membershipProblems('input.transferId', target) : [];
    if (!target || problems.length)
      throw conflict('The receiving branch can no longer hold members; reject the transfer');
    const decided: Transfer = {
      ...this.decision(pending, 'accept', input, claims),
      toOrganizationPath: pathOf(target),
    };
    const saved = await this.writer.commit(
      member,
      {
        set: { organizationId: target._id, organizationPath: pathOf(target) },
        unset: ['pendingTransfer'],
        push: { transfers: decided },
      },
      'transferAccepted',
      {
        changedFields: ['organizationId', 'pendingTransfer'],
        effectiveAt: decided.decidedAt!,
        transfer: decided,
      },
    );
    return transferView(saved, decided);
  }

  async reject(input: DecideTransferInput, claims: Claims) {
    if (!input.note?.trim())
      throw badUserInput([{ field: 'input.note', message: 'is required to reject a transfer' }]);
    const { member, pending } = await this.decidable(input.transferId, claims, 'reject');
    const decided = this.decision(pending, 'reject', input, claims);
    const saved = await this.writer.commit(
      member,
      { unset: ['pendingTransfer'], push: { transfers: decided } },
      'transferRejected',
      { changedFields: ['pendingTransfer'], effectiveAt: decided.decidedAt!, transfer: decided },
    );
    return transferView(saved, decided);
  }

  /** Pending transfers into (INCOMING) or out of (OUTGOING) a subtree the caller may read. */
  async pending(
    claims: Claims,
    organizationId: Types.ObjectId,
    direction: 'INCOMING' | 'OUTGOING',
    page: PageArgs,
  ) {
    const scope = relatedListScope(claims);
    if (!scope) throw forbidden('Your role does not read member records');
    const query =
      direction === 'INCOMING'
        ? { 'pendingTransfer.toOrganizationPath': organizationId }
        : { organizationPath: organizationId, pendingTransfer: { $exists: true } };
    const connection = await paginate<Member>(
      this.model,
      allOf(scope, query),
      page,
      MEMBER_PROJECTION,
    );
    const field = direction === 'INCOMING' ? 'ti' : 'to';
    return {
      ...connection,
      ...(claims.role !== 'MEMBER' && {
        totalCount: async () => (await this.counters.ofSubtree(organizationId)).get(field) ?? 0,
      }),
      edges: connection.edges.map((e) => ({
        ...e,
        node: transferView(e.node, e.node.pendingTransfer!),
      })),
    };
  }

  private async decidable(transferId: string, claims: Claims, step: TransferStep) {
    const member = Types.ObjectId.isValid(transferId)
      ? await this.model
          .findOne({ 'pendingTransfer._id': new Types.ObjectId(transferId) }, MEMBER_PROJECTION)
          .lean<Member>()
      : null;
    if (!member?.pendingTransfer) throw notFound('Pending transfer', transferId);
    if (!managesPath(claims, member.pendingTransfer.toOrganizationPath))
      throw forbidden('Only the receiving side decides a transfer');
    TRANSFER_STEPS.requireStep(member.pendingTransfer.state, step);
    return { member, pending: member.pendingTransfer };
  }

  private decision(
    pending: Transfer,
    step: TransferStep,
    input: DecideTransferInput,
    claims: Claims,
  ): Transfer {
    const note = input.note?.trim();
    return {
      ...pending,
      state: TRANSFER_STEPS.steps[step].to,
      decidedAt: new Date(),
      decidedBy: claims.sub,
      ...(note && { note }),
    };
  }
}
