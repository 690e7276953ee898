import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { OutboxRelays } from '@jiceng/outbox';
import { transition } from '@jiceng/workflow';
import { reviewRecord } from '../claim/claim.events';
import { CLAIM_MODEL, type Claim, type ClaimReview } from '../claim/claim.schema';
import { CLAIM_STEPS } from '../claim/claim-steps';
import { ClaimService } from '../claim/claim.service';
import { CommunityAccess } from '../community/community-access';
import type {
  ApproveClaimInput,
  RejectClaimInput,
  RevokeClaimApprovalInput,
} from './dto/review.inputs';

/**
 * 审核: the community's admin approves or rejects each completed claim. An approval and its event
 * are one conditional single-document write (state CHECKED_OUT → APPROVED with the outbox record
 * pushed), so a claim is approved, and announced, exactly once.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectModel(CLAIM_MODEL) private readonly model: Model<Claim>,
    private readonly claims: ClaimService,
    private readonly access: CommunityAccess,
    private readonly relay: OutboxRelays,
  ) {}

  async approve(input: ApproveClaimInput, claims: Claims): Promise<Claim> {
    const claim = await this.reviewable(input.claimId, claims, 'approve');
    const now = new Date();
    const review: ClaimReview = {
      decision: 'APPROVED',
      reason: input.comment?.trim() || null,
      reviewedBy: claims.sub,
      reviewedAt: now,
    };
    await transition(this.model, {
      steps: CLAIM_STEPS,
      step: 'approve',
      id: claim._id,
      set: { review, updatedAt: now },
      outbox: reviewRecord('approved', claim, now, now),
      relay: this.relay,
      what: 'Claim',
    });
    return this.claims.get(input.claimId);
  }

  /** A rejected claim earns nothing: no event is written. */
  async reject(input: RejectClaimInput, claims: Claims): Promise<Claim> {
    const claim = await this.reviewable(input.claimId, claims, 'reject');
    const now = new Date();
    const review: ClaimReview = {
      decision: 'REJECTED',
      reason: input.reason.trim(),
      reviewedBy: claims.sub,
      reviewedAt: now,
    };
    await transition(this.model, {
      steps: CLAIM_STEPS,
      step: 'reject',
      id: claim._id,
      set: { review, updatedAt: now },
      what: 'Claim',
    });
    return this.claims.get(input.claimId);
  }

  /** Corrects an approval (ADMIN or the community's admin); consumers reverse what it earned. */
  async revoke(input: RevokeClaimApprovalInput, claims: Claims): Promise<Claim> {
    const claim = await this.reviewable(input.claimId, claims, 'revoke');
    const approvedAt = (claim.review as ClaimReview).reviewedAt;
    const now = new Date();
    await transition(this.model, {
      steps: CLAIM_STEPS,
      step: 'revoke',
      id: claim._id,
      set: {
        revocation: { reason: input.reason.trim(), revokedBy: claims.sub, revokedAt: now },
        updatedAt: now,
      },
      outbox: reviewRecord('revoked', claim, approvedAt, now),
      relay: this.relay,
      what: 'Claim',
    });
    return this.claims.get(input.claimId);
  }

  private async reviewable(
    id: string,
    claims: Claims,
    step: 'approve' | 'reject' | 'revoke',
  ): Promise<Claim> {
    const claim = await this.claims.get(id);
    await this.access.requireAdmin(claims, claim.communityId);
    CLAIM_STEPS.requireStep(claim.state, step);
    return claim;
  }
}
