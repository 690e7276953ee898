import {
  createEvent,
  memberLifecycleV1,
  type MemberEventType,
  type MemberLifecycleV1,
  type MemberStateV1,
  type MemberTransferV1,
} from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { MemberStatus } from './member.enums';
import type { Member, Transfer } from './member.schema';

const TYPE_OF_CHANGE = {
  registered: 'jiceng.members.member.registered',
  updated: 'jiceng.members.member.updated',
  statusChanged: 'jiceng.members.member.status-changed',
  left: 'jiceng.members.member.left',
  floatingAssigned: 'jiceng.members.member.floating-assigned',
  floatingEnded: 'jiceng.members.member.floating-ended',
  doubleReportRegistered: 'jiceng.members.member.double-report-registered',
  doubleReportEnded: 'jiceng.members.member.double-report-ended',
  transferRequested: 'jiceng.members.transfer.requested',
  transferAccepted: 'jiceng.members.transfer.accepted',
  transferRejected: 'jiceng.members.transfer.rejected',
} as const satisfies Record<string, MemberEventType>;

export type MemberChange = keyof typeof TYPE_OF_CHANGE;

export interface MemberChangeDetails {
  changedFields: string[];
  effectiveAt: Date;
  previousStatus?: MemberStatus;
  transfer?: Transfer;
}

type MemberIds = Pick<
  Member,
  | '_id'
  | 'version'
  | 'organizationId'
  | 'status'
  | 'inService'
  | 'unitOrganizationId'
  | 'floating'
  | 'communityReport'
>;

/** The member's state for events: ids and statuses only, never personal data. */
export function memberState(member: MemberIds): MemberStateV1 {
  return {
    memberId: String(member._id),
    version: member.version,
    organizationId: String(member.organizationId),
    status: member.status,
    inService: member.inService,
    unitOrganizationId: member.unitOrganizationId ? String(member.unitOrganizationId) : null,
    projectBranchId: member.floating ? String(member.floating.projectBranchId) : null,
    communityId: member.communityReport ? String(member.communityReport.communityId) : null,
  };
}

function transferPayload(transfer: Transfer): MemberTransferV1 {
  return {
    transferId: String(transfer._id),
    fromOrganizationId: String(transfer.fromOrganizationId),
    toOrganizationId: String(transfer.toOrganizationId),
    state: transfer.state,
  };
}

/** The outbox record announcing a member's state after a change (keyed by member id). */
export function memberRecord(
  change: MemberChange,
  member: MemberIds,
  details: MemberChangeDetails,
): OutboxRecord {
  const data: MemberLifecycleV1 = {
    member: memberState(member),
    effectiveAt: details.effectiveAt.toISOString(),
    changedFields: details.changedFields,
  };
  if (details.previousStatus) data.previousStatus = details.previousStatus;
  if (details.transfer) data.transfer = transferPayload(details.transfer);
  const event = createEvent(memberLifecycleV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(member._id),
    data,
  });
  return outboxRecord(memberLifecycleV1.topic, event);
}
