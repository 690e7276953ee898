import { createEvent, householdContactsV1, type HouseholdContactEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import {
  householdKey,
  type HouseholdRoster,
  type HouseholdVisit,
  type RosterHousehold,
} from './household-contacts.schema';

// Ids only: an address or a phone never leaves this service. Every event is keyed by the grid,
// so a grid's registrations, assignments and visits reach a consumer in order.

/** A household registered or (re)assigned; `roster` is the roster as written. */
export function householdRecord(
  type: Extract<HouseholdContactEventType, `${string}.household.${string}`>,
  roster: Pick<HouseholdRoster, '_id' | 'version'>,
  household: RosterHousehold,
  previousMemberId: string | null,
  at: Date,
): OutboxRecord {
  const event = createEvent(householdContactsV1, {
    type,
    subject: String(roster._id),
    data: {
      household: {
        householdId: householdKey(roster._id, household._id),
        gridId: String(roster._id),
        version: roster.version,
        memberId: household.memberId ? String(household.memberId) : null,
        previousMemberId,
        assignedOn: household.assignedOn,
      },
      recordedAt: at.toISOString(),
    },
  });
  return outboxRecord(householdContactsV1.topic, event);
}

/**
 * A visit recorded or its problem solved. A visit with a problem carries what the volunteering
 * subgraph needs to open a service request from it: the visit, household, grid and member ids
 * and the category (the description stays here; it asks for it when it needs it).
 */
export function visitRecord(
  type: Extract<HouseholdContactEventType, `${string}.household-${string}`>,
  visit: HouseholdVisit,
): OutboxRecord {
  const event = createEvent(householdContactsV1, {
    type,
    subject: String(visit.gridId),
    data: {
      visit: {
        visitId: String(visit._id),
        version: visit.version,
        householdId: visit.householdId,
        gridId: String(visit.gridId),
        memberId: String(visit.memberId),
        ...(visit.branchId && { branchId: String(visit.branchId) }),
        visitedOn: visit.visitedOn,
        onTime: visit.onTime,
        duties: visit.duties,
        problem: visit.problem
          ? { category: visit.problem.category, solved: !!visit.problem.solvedOn }
          : null,
      },
      recordedAt: visit.updatedAt.toISOString(),
    },
  });
  return outboxRecord(householdContactsV1.topic, event);
}
