export const MEMBER_STATUS_LABELS = {
  APPLICANT: '入党申请人',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PROBATIONARY: '预备党员',
  FULL: '正式党员',
  LEFT: '已出党',
} as const;
export type MemberStatus = keyof typeof MEMBER_STATUS_LABELS;
export const MEMBER_STATUSES = Object.keys(MEMBER_STATUS_LABELS) as MemberStatus[];

/** The membership pipeline in order; LEFT is outside it. */
export const PIPELINE: readonly MemberStatus[] = [
  'APPLICANT',
  'ACTIVIST',
  'CANDIDATE',
  'PROBATIONARY',
  'FULL',
];

export const GENDER_LABELS = { MALE: '男', FEMALE: '女' } as const;
export type Gender = keyof typeof GENDER_LABELS;
export const GENDERS = Object.keys(GENDER_LABELS) as Gender[];

export const AGE_BAND_LABELS = {
  UP_TO_30: '30岁及以下',
  FROM_31_TO_45: '31至45岁',
  FROM_46_TO_60: '46至60岁',
  OVER_60: '60岁以上',
} as const;
export type AgeBand = keyof typeof AGE_BAND_LABELS;
export const AGE_BANDS = Object.keys(AGE_BAND_LABELS) as AgeBand[];

export const TRANSFER_STATE_LABELS = {
  PENDING: '待接收',
  ACCEPTED: '已接收',
  REJECTED: '已退回',
} as const;
export type TransferState = keyof typeof TRANSFER_STATE_LABELS;

export const DOUBLE_REPORT_KIND_LABELS = {
  MEMBER: '在职党员报到',
  UNIT: '单位党组织报到',
} as const;
export type DoubleReportKind = keyof typeof DOUBLE_REPORT_KIND_LABELS;

/** Organization kinds that hold members' membership (组织关系). */
export const MEMBERSHIP_KINDS: readonly string[] = ['BRANCH', 'GENERAL_BRANCH', 'MOBILE_BRANCH'];
/** Project branches take floating members without holding their membership (临时党支部). */
export const PROJECT_BRANCH_KINDS: readonly string[] = ['TEMPORARY_BRANCH'];
