// 德邻有约: "活动现场设书记有约、爱心义诊、书法剪纸、法律咨询等十多个摊位" (高密市).
export const STALL_KIND_LABELS = {
  SECRETARY: '书记有约',
  FREE_CLINIC: '义诊',
  CALLIGRAPHY_PAPER_CUTTING: '书法剪纸',
  LEGAL_ADVICE: '法律咨询',
  HAIRCUT: '理发',
  OTHER: '其他',
} as const;
export type StallKind = keyof typeof STALL_KIND_LABELS;
export const STALL_KINDS = Object.keys(STALL_KIND_LABELS) as StallKind[];

// "网格（小区）党支部与…集市参与单位、在职党员、'帮帮团'成员签订服务协议书".
export const AGREEMENT_PARTY_KIND_LABELS = {
  UNIT: '参与单位',
  MEMBER: '在职党员',
  HELP_TEAM: '帮帮团',
} as const;
export type AgreementPartyKind = keyof typeof AGREEMENT_PARTY_KIND_LABELS;
export const AGREEMENT_PARTY_KINDS = Object.keys(
  AGREEMENT_PARTY_KIND_LABELS,
) as AgreementPartyKind[];

/** The task category an attendance carries on the check-ins topic. */
export const SERVICE_DAY_TASK_CATEGORY = 'SERVICE_DAY';
