import { EVIDENCE_KIND_LABELS } from '../check-in/evidence';
import type { AttendanceRecord, ClaimReview } from './claim.schema';
import { REVIEW_DECISION_LABELS } from './claim.enums';

/** A check-in or check-out as the API shows it, labels included. */
export function attendanceView(record: AttendanceRecord | null | undefined) {
  if (!record) return null;
  return {
    at: record.at,
    evidence: record.evidence.map((e) => ({
      kind: e.kind,
      kindLabel: EVIDENCE_KIND_LABELS[e.kind],
      detail: e.detail,
      distanceMeters: e.distanceMeters ?? null,
      tokenExpiresAt: e.tokenExpiresAt ?? null,
    })),
    position: record.position?.coordinates ?? null,
    recordedBy: record.recordedBy,
  };
}

export function reviewView(review: ClaimReview | null | undefined) {
  if (!review) return null;
  return { ...review, decisionLabel: REVIEW_DECISION_LABELS[review.decision] };
}
