import { Types } from 'mongoose';
import type { CheckInReviewedV1, CloudEvent } from '@jiceng/events';
import type { CreditRuleSet } from '../rules/credit-rules';
import { earningsFor, type Attribution } from '../rules/scoring';
import { earnEntries, roundsBy } from './ledger-plans';
import type { LedgerApplication, PlannedEntry } from './ledger.schemas';

// The plans of reviewed check-ins, from what was read for them (pure).

export type CheckInEvent = CloudEvent<CheckInReviewedV1>;

/** A check-in that breaks the contract's meaning (valid JSON Schema, impossible content). */
export class InvalidCheckInError extends Error {
  override readonly name = 'InvalidCheckInError';
}

/** Why an approval cannot be applied at all, or null. */
export function invalidCheckIn({ data, type }: CheckInEvent): InvalidCheckInError | null {
  if (type !== 'jiceng.volunteering.checkin.approved') return null;
  if (data.claimantKind === 'MEMBER' && !data.memberId)
    return new InvalidCheckInError(`claim ${data.claimId}: a member claim without memberId`);
  if (data.claimantKind === 'ORGANIZATION' && !data.organizationId)
    return new InvalidCheckInError(
      `claim ${data.claimId}: an organization claim without organizationId`,
    );
  return null;
}

export const isApproval = (event: CheckInEvent) =>
  event.type === 'jiceng.volunteering.checkin.approved';

/** An approval's plan: its earnings under the version in force at its review. */
export function approvalPlan(
  event: CheckInEvent,
  attribution: Attribution | null,
  { rule, caps }: { rule: CreditRuleSet; caps: CreditRuleSet['monthlyCaps'] },
): LedgerApplication {
  const reviewedAt = new Date(event.data.reviewedAt);
  return {
    _id: event.id,
    kind: 'APPROVAL',
    claimId: event.data.claimId,
    visitId: null,
    revokes: null,
    state: 'PLANNED',
    occurredAt: reviewedAt,
    entries: earnEntries(
      earningsFor(rule, event.data, attribution),
      rule.version,
      caps,
      reviewedAt,
    ),
    createdAt: new Date(),
  };
}

/**
 * A revocation's plan: one reversal per entry of the approval it revokes (none when that
 * approval was never applied). A reversal belongs to the approval's month, whose cap and totals
 * it corrects.
 */
export function revocationPlan(
  event: CheckInEvent,
  approvalId: string,
  approval: LedgerApplication | null,
): LedgerApplication {
  const entries: PlannedEntry[] = (approval?.entries ?? []).map((e) => ({
    ...e,
    entryId: new Types.ObjectId(),
    kind: 'REVERSAL',
    requested: -e.requested,
    reversesEntryId: e.entryId,
  }));
  return {
    _id: event.id,
    kind: 'REVOCATION',
    claimId: event.data.claimId,
    visitId: null,
    revokes: approvalId,
    state: 'PLANNED',
    occurredAt: new Date(event.data.reviewedAt),
    entries,
    createdAt: new Date(),
  };
}

/** Takes the id of an approval revoked before it was applied (parked), so it never will be. */
export function cancelledApproval(approvalId: string, claimId: string): LedgerApplication {
  return {
    _id: approvalId,
    kind: 'APPROVAL',
    claimId,
    visitId: null,
    revokes: null,
    state: 'CANCELLED',
    occurredAt: new Date(),
    entries: [],
    createdAt: new Date(),
  };
}

/**
 * Splits a partition's batch into rounds in which each claim appears once, keeping each claim's
 * events in order: the events of one round are independent (another claim's state, parking and
 * plan), so a round is applied with a constant number of commands, and round k + 1 sees
 * everything round k stored. Redelivered copies of an event (same id) after its first are
 * returned apart; they change nothing.
 */
export function claimRounds(events: readonly CheckInEvent[]): {
  rounds: number[][];
  copies: number[];
} {
  return roundsBy(
    events,
    (e) => e.id,
    (e) => e.data.claimId,
  );
}
