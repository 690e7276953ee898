import type { Claims } from '@jiceng/auth';
import type { ClaimantKind } from '../claim/claim.enums';

// "社区共发布核酸检测、小门管控、文明创建等各类志愿服务任务220余项" plus the 德邻有约 stalls.
export const TASK_CATEGORY_LABELS = {
  NUCLEIC_ACID_TESTING: '核酸检测',
  GATE_CONTROL: '小门管控',
  CIVILIZATION: '文明创建',
  ANTI_FRAUD: '防诈骗宣传',
  PERFORMANCE_ORDER: '文艺演出秩序',
  FREE_CLINIC: '义诊',
  LEGAL_ADVICE: '法律咨询',
  ENVIRONMENT: '环境整治',
  ELDERLY_CARE: '助老服务',
  HAIRCUT: '义务理发',
  OTHER: '其他',
} as const;
export type TaskCategory = keyof typeof TASK_CATEGORY_LABELS;
export const TASK_CATEGORIES = Object.keys(TASK_CATEGORY_LABELS) as TaskCategory[];

export const TASK_AUDIENCE_LABELS = {
  ORGANIZATIONS: '面向报到党组织',
  MEMBERS: '面向报到党员',
  BOTH: '面向党组织和党员',
} as const;
export type TaskAudience = keyof typeof TASK_AUDIENCE_LABELS;
export const TASK_AUDIENCES = Object.keys(TASK_AUDIENCE_LABELS) as TaskAudience[];

export const TASK_STATUS_LABELS = {
  PUBLISHED: '已发布',
  CANCELLED: '已取消',
} as const;
export type TaskStatus = keyof typeof TASK_STATUS_LABELS;
export const TASK_STATUSES = Object.keys(TASK_STATUS_LABELS) as TaskStatus[];

/** Who claims for a caller: a MEMBER for itself, an ORG_ADMIN for its organization. */
export function claimantKindOf(claims: Claims): ClaimantKind | null {
  if (claims.role === 'MEMBER') return 'MEMBER';
  if (claims.role === 'ORG_ADMIN') return 'ORGANIZATION';
  return null;
}

/** The audiences whose tasks a kind of claimant may claim. */
export function audiencesFor(kind: ClaimantKind): TaskAudience[] {
  return kind === 'MEMBER' ? ['MEMBERS', 'BOTH'] : ['ORGANIZATIONS', 'BOTH'];
}
