import { createEvent, starRatingV1, type StarRatingEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { StarRatingStatus } from './star-rating.enums';
import type { StarRating } from './star-rating.schema';

const TYPE_OF_STATUS = {
  SELF_ASSESSED: 'jiceng.organizations.star-rating.self-assessed',
  DEFENDED: 'jiceng.organizations.star-rating.defended',
  INSPECTED: 'jiceng.organizations.star-rating.inspected',
  REVIEWED: 'jiceng.organizations.star-rating.reviewed',
  PUBLISHED: 'jiceng.organizations.star-rating.published',
} as const satisfies Record<StarRatingStatus, StarRatingEventType>;

type RatingState = Omit<StarRating, 'outbox' | 'history' | 'createdAt'>;

/** The outbox record announcing a rating's state after the step that led to its status. */
export function ratingRecord(rating: RatingState, time: Date = rating.updatedAt): OutboxRecord {
  const event = createEvent(starRatingV1, {
    type: TYPE_OF_STATUS[rating.status],
    subject: String(rating._id),
    time,
    data: {
      ratingId: String(rating._id),
      organizationId: String(rating.organizationId),
      streetId: String(rating.streetId),
      period: rating.period,
      status: rating.status,
      templateVersion: rating.templateVersion,
      version: rating.version,
      selfScore: rating.selfAssessment.totalScore,
      claimedStars: rating.selfAssessment.claimedStars,
      proposedStars: rating.defense?.proposedStars ?? null,
      inspectionPassed: rating.inspection?.passed ?? null,
      stars: rating.stars ?? null,
      publishedAt: rating.publishedAt?.toISOString() ?? null,
    },
  });
  return outboxRecord(starRatingV1.topic, event);
}
