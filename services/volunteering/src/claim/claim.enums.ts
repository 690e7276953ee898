export const CLAIM_STATE_LABELS = {
  CLAIMED: '已认领',
  WITHDRAWN: '已退出',
  CHECKED_IN: '已签到',
  CHECKED_OUT: '已签退（待审核）',
  APPROVED: '审核通过',
  REJECTED: '审核未通过',
  REVOKED: '审核通过已撤销',
} as const;
export type ClaimState = keyof typeof CLAIM_STATE_LABELS;
export const CLAIM_STATES = Object.keys(CLAIM_STATE_LABELS) as ClaimState[];

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
