export const CLAIMANT_KIND_LABELS = {
  MEMBER: '党员',
  ORGANIZATION: '党组织',
} as const;
export type ClaimantKind = keyof typeof CLAIMANT_KIND_LABELS;
export const CLAIMANT_KINDS = Object.keys(CLAIMANT_KIND_LABELS) as ClaimantKind[];

export const REVIEW_DECISION_LABELS = {
  APPROVED: '通过',
  REJECTED: '不通过',
} as const;
export type ReviewDecision = keyof typeof REVIEW_DECISION_LABELS;
