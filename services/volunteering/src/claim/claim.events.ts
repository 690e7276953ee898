import {
  checkInReviewedV1,
  createEvent,
  type CheckInEventType,
  type CheckInReviewedV1,
} from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { Claim } from './claim.schema';

const TYPE_OF_CHANGE = {
  approved: 'jiceng.volunteering.checkin.approved',
  revoked: 'jiceng.volunteering.checkin.approval-revoked',
} as const satisfies Record<string, CheckInEventType>;

type ReviewedClaim = Pick<
  Claim,
  | '_id'
  | 'taskId'
  | 'communityId'
  | 'claimantKind'
  | 'memberId'
  | 'organizationId'
  | 'task'
  | 'checkIn'
  | 'checkOut'
  | 'durationMinutes'
>;

/**
 * The payload of an approval. A revocation repeats it unchanged, approval time included, so a
 * consumer reverses exactly what the approval earned, in the period the approval fell in; the
 * CloudEvent's own `time` says when the revocation happened.
 */
export function reviewedPayload(claim: ReviewedClaim, approvedAt: Date): CheckInReviewedV1 {
  if (!claim.checkIn || !claim.checkOut || claim.durationMinutes == null)
    throw new Error(`claim ${claim._id} has no completed check-in to review`);
  return {
    claimId: String(claim._id),
    taskId: String(claim.taskId),
    communityId: String(claim.communityId),
    claimantKind: claim.claimantKind,
    memberId: claim.memberId ? String(claim.memberId) : null,
    organizationId: claim.organizationId ? String(claim.organizationId) : null,
    taskCategory: claim.task.category,
    taskPoints: claim.task.points,
    durationMinutes: claim.durationMinutes,
    checkedInAt: claim.checkIn.at.toISOString(),
    checkedOutAt: claim.checkOut.at.toISOString(),
    reviewedAt: approvedAt.toISOString(),
  };
}

/** The outbox record of an approval or of its revocation, keyed by claim id. */
export function reviewRecord(
  change: keyof typeof TYPE_OF_CHANGE,
  claim: ReviewedClaim,
  approvedAt: Date,
  time: Date = new Date(),
): OutboxRecord {
  const event = createEvent(checkInReviewedV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(claim._id),
    data: reviewedPayload(claim, approvedAt),
    time,
  });
  return outboxRecord(checkInReviewedV1.topic, event);
}
