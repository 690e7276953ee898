export const PAIRING_KIND_LABELS = {
  VILLAGE_ENTERPRISE: '村企联建',
  COMMUNITY_ENTERPRISE: '社企联建',
  GOVERNMENT_ENTERPRISE: '政企联建',
  SOE: '国企联建',
  COMMUNITY_UNIT: '社区–驻区单位共建（大党委）',
  CROSS_PROVINCE: '跨省联建',
} as const;
export type PairingKind = keyof typeof PAIRING_KIND_LABELS;
export const PAIRING_KINDS = Object.keys(PAIRING_KIND_LABELS) as PairingKind[];

export const PAIRING_STATUS_LABELS = { ACTIVE: '履行中', ENDED: '已终止' } as const;
export type PairingStatus = keyof typeof PAIRING_STATUS_LABELS;
export const PAIRING_STATUSES = Object.keys(PAIRING_STATUS_LABELS) as PairingStatus[];

export const JOINT_PROJECT_STATUS_LABELS = {
  PLANNED: '计划中',
  IN_PROGRESS: '实施中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
} as const;
export type JointProjectStatus = keyof typeof JOINT_PROJECT_STATUS_LABELS;
export const JOINT_PROJECT_STATUSES = Object.keys(
  JOINT_PROJECT_STATUS_LABELS,
) as JointProjectStatus[];
