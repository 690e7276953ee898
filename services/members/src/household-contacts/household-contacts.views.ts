import type { Claims } from '@jiceng/auth';
import { orgRef } from '../member/member.views';
import { maskPhone } from '../personal-data/masking';
import type { PersonalDataCipher } from '../personal-data/personal-data.cipher';
import type { DutyMonth } from './household-contact.rules';
import { seesHouseholdPhone } from './household-contacts.access';
import {
  HOUSEHOLD_CONTACT_DUTY_LABELS,
  HOUSEHOLD_DUTY_STATUS_LABELS,
  HOUSEHOLD_PROBLEM_CATEGORY_LABELS,
} from './household-contacts.enums';
import {
  householdKey,
  type HouseholdRoster,
  type HouseholdVisit,
  type RosterHousehold,
} from './household-contacts.schema';
import type { GridMonthStats, StatsTotals } from './household-stats';

export function householdView(
  roster: Pick<HouseholdRoster, '_id' | 'organizationPath'>,
  h: RosterHousehold,
  claims: Claims,
  cipher: PersonalDataCipher,
) {
  let phone: string | null = null;
  if (h.phone) {
    const clear = cipher.decrypt('phone', h.phone);
    phone = seesHouseholdPhone(claims, roster.organizationPath, h.memberId)
      ? clear
      : maskPhone(clear);
  }
  return {
    id: householdKey(roster._id, h._id),
    organization: orgRef(roster._id),
    address: h.address,
    phone,
    memberId: h.memberId ? String(h.memberId) : null,
    assignedOn: h.assignedOn,
    history: h.history.map((c) => ({
      fromMemberId: c.from ? String(c.from) : null,
      toMemberId: String(c.to),
      assignedOn: c.on,
      by: c.by,
      at: c.at,
    })),
    registeredOn: h.registeredOn,
  };
}

export function visitView(v: HouseholdVisit) {
  return {
    id: String(v._id),
    householdId: v.householdId,
    organization: orgRef(v.gridId),
    memberId: String(v.memberId),
    visitedOn: v.visitedOn,
    onTime: v.onTime,
    duties: v.duties,
    dutyLabels: v.duties.map((d) => HOUSEHOLD_CONTACT_DUTY_LABELS[d]),
    note: v.note ?? null,
    problem: v.problem
      ? {
          description: v.problem.description,
          category: v.problem.category,
          categoryLabel: HOUSEHOLD_PROBLEM_CATEGORY_LABELS[v.problem.category],
          solvedOn: v.problem.solvedOn ?? null,
          solution: v.problem.solution ?? null,
        }
      : null,
    version: v.version,
    recordedAt: v.createdAt,
  };
}

export const dutyMonthView = (d: DutyMonth) => ({
  ...d,
  statusLabel: HOUSEHOLD_DUTY_STATUS_LABELS[d.status],
});

export const gridStatsView = (r: GridMonthStats) => ({
  ...r,
  organization: orgRef(r.organizationId),
  overdueMemberIds: r.overdueMembers,
  overdueMembers: r.overdueMembers.length,
});

export const totalsView = (t: StatsTotals) => t;
