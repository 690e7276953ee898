import {
  HOUSEHOLD_PROBLEM_CATEGORY_LABELS_V1,
  type HOUSEHOLD_CONTACT_DUTIES_V1,
} from '@jiceng/events';

// The codes are the event contract's (volunteering meets a problem's category as a code); the
// labels are this subgraph's. `satisfies` keeps the two one set.

/** 党员联系户's six duties (卢龙县): what a visit served. */
export const HOUSEHOLD_CONTACT_DUTY_LABELS = {
  POLICY_PUBLICITY: '政策宣传',
  PROSPERITY_IDEAS: '致富思路',
  DISPUTE_MEDIATION: '矛盾纠纷',
  HARDSHIP_HELP: '帮助解决困难',
  CIVILITY: '文明新风',
  OTHER: '其他',
} as const satisfies Record<(typeof HOUSEHOLD_CONTACT_DUTIES_V1)[number], string>;
export type HouseholdContactDuty = keyof typeof HOUSEHOLD_CONTACT_DUTY_LABELS;
export const HOUSEHOLD_CONTACT_DUTIES = Object.keys(
  HOUSEHOLD_CONTACT_DUTY_LABELS,
) as HouseholdContactDuty[];

/** What kind of problem a visit found: the contract's labels, which volunteering's titles use too. */
export const HOUSEHOLD_PROBLEM_CATEGORY_LABELS = HOUSEHOLD_PROBLEM_CATEGORY_LABELS_V1;
export type HouseholdProblemCategory = keyof typeof HOUSEHOLD_PROBLEM_CATEGORY_LABELS;
export const HOUSEHOLD_PROBLEM_CATEGORIES = Object.keys(
  HOUSEHOLD_PROBLEM_CATEGORY_LABELS,
) as HouseholdProblemCategory[];

/** A member's monthly duty (每月10日前走访联系户). */
export const HOUSEHOLD_DUTY_STATUS_LABELS = {
  NONE: '无联系户',
  MET: '已按时走访',
  PENDING: '待走访',
  MISSED: '逾期未走访',
} as const;
export type HouseholdDutyStatus = keyof typeof HOUSEHOLD_DUTY_STATUS_LABELS;
export const HOUSEHOLD_DUTY_STATUSES = Object.keys(
  HOUSEHOLD_DUTY_STATUS_LABELS,
) as HouseholdDutyStatus[];
