import type { CloudEvent, HouseholdContactsV1, HouseholdVisitV1 } from '@jiceng/events';
import type { CreditRuleSet } from './credit-rules';
import { collectEarnings, sharePoints, type Earning } from './scoring';

// What a household visit (党员联系户走访) earns under one rule version (pure). The duty is a visit
// of every household each month by the 10th (每月10日前走访联系户, 卢龙县): the points reward that
// duty done, so a late visit earns nothing (the members subgraph counts it late, and the member
// overdue, for that month), and so does any visit after the first on time of the household's month.

/**
 * The ledger source a visit event may claim: one per household and month, so the first visit on
 * time recorded for the household's month takes it and any later one (a redelivery, a copy
 * produced again, a second visit) finds it planned and changes nothing. Visits of one household
 * share its grid's partition, so the first recorded is the same one live and in a replay.
 */
export const householdMonthSourceId = (
  visit: Pick<HouseholdVisitV1, 'householdId' | 'visitedOn'>,
) => `household-visit:${visit.householdId}:${visit.visitedOn.slice(0, 7)}`;

/** The instant a visit day stands for: its start in Asia/Shanghai. */
export const visitedOnInstant = (visitedOn: string) => new Date(`${visitedOn}T00:00:00+08:00`);

/** The visit an event offers to the ledger: a recorded visit on time, or none. */
export function earningVisit({
  type,
  data,
}: CloudEvent<HouseholdContactsV1>): HouseholdVisitV1 | null {
  // Version 2 (its problem solved) is the same visit again; household events earn nothing.
  if (type !== 'jiceng.members.household-visit.recorded' || !data.visit) return null;
  return data.visit.onTime ? data.visit : null;
}

/**
 * One household month's earnings: the visiting member, and the member's branch its share when
 * the event names it (events recorded before `branchId` do not: the member still earns).
 */
export function householdVisitEarnings(
  rule: CreditRuleSet,
  visit: Pick<HouseholdVisitV1, 'memberId' | 'branchId'>,
): Earning[] {
  const { member, branchShare } = rule.householdVisitPoints;
  const { earnings, add } = collectEarnings();
  add('MEMBER', visit.memberId, 'HOUSEHOLD_VISIT', member);
  if (visit.branchId)
    add('ORGANIZATION', visit.branchId, 'BRANCH', sharePoints(branchShare, member));
  return earnings;
}
